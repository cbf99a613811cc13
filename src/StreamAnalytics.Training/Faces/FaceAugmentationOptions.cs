namespace StreamAnalytics.Training.Faces;

/// <summary>
/// The random changes made to every training image each time it is seen. Each is drawn uniformly from ± its bound,
/// per image, from the trainer's seeded generator.
/// </summary>
public sealed class FaceAugmentationOptions
{
    /// <summary>Largest shift, as a fraction of the image's width or height. Defaults to 0.08 (about 7 pixels across).</summary>
    public double MaxShift { get; set; } = 0.08;

    /// <summary>Largest rotation in degrees. Defaults to 10.</summary>
    public double MaxRotationDegrees { get; set; } = 10;

    /// <summary>Largest relative zoom in or out. Defaults to 0.1 (0.9× to 1.1×).</summary>
    public double MaxScale { get; set; } = 0.1;

    /// <summary>Largest brightness change, added to pixels in [0, 1]. Defaults to 0.1.</summary>
    public double MaxBrightness { get; set; } = 0.1;

    /// <summary>Largest relative contrast change around mid-grey. Defaults to 0.2 (0.8× to 1.2×).</summary>
    public double MaxContrast { get; set; } = 0.2;

    /// <summary>Probability of a horizontal mirror (faces are close to symmetric). Defaults to 0.5.</summary>
    public double FlipProbability { get; set; } = 0.5;

    /// <summary>No augmentation at all: every image is used as it is.</summary>
    public static FaceAugmentationOptions None => new()
    {
        MaxShift = 0, MaxRotationDegrees = 0, MaxScale = 0, MaxBrightness = 0, MaxContrast = 0, FlipProbability = 0,
    };

    internal void Validate()
    {
        Require(MaxShift is >= 0 and < 0.5, nameof(MaxShift), "must be in [0, 0.5)");
        Require(MaxRotationDegrees is >= 0 and <= 45, nameof(MaxRotationDegrees), "must be in [0, 45]");
        Require(MaxScale is >= 0 and < 0.5, nameof(MaxScale), "must be in [0, 0.5)");
        Require(MaxBrightness is >= 0 and <= 1, nameof(MaxBrightness), "must be in [0, 1]");
        Require(MaxContrast is >= 0 and < 1, nameof(MaxContrast), "must be in [0, 1)");
        Require(FlipProbability is >= 0 and <= 1, nameof(FlipProbability), "must be in [0, 1]");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {rule}.", name);
        }
    }
}
