using StreamAnalytics.ModelExport.Faces.Seed;

namespace StreamAnalytics.Training.Faces.Seed;

/// <summary>How <see cref="SeedFaceTrainer"/> builds and trains the seed network: plain cross-entropy and Adam.</summary>
public sealed class SeedFaceTrainingOptions
{
    /// <summary>Out channels of the convolution blocks. Defaults to 32, 64 (the seed size with <see cref="Hidden"/> 1,272).</summary>
    public IReadOnlyList<int> ConvChannels { get; set; } = [32, 64];

    /// <summary>Units of the large dense layer. Defaults to <see cref="SeedFaceLayout.SeedHidden"/> (1,272).</summary>
    public int Hidden { get; set; } = SeedFaceLayout.SeedHidden;

    /// <summary>Probability of zeroing a hidden unit in training. Defaults to 0.5.</summary>
    public double Dropout { get; set; } = 0.5;

    /// <summary>Passes over the training images. Defaults to 30.</summary>
    public int Epochs { get; set; } = 30;

    /// <summary>Images per step. Defaults to 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Adam's constant learning rate. Defaults to 0.0003.</summary>
    public double LearningRate { get; set; } = 0.0003;

    /// <summary>
    /// The random changes applied to training images. Defaults to <see cref="FaceAugmentationOptions.None"/>: the seed
    /// trained on the images as they are.
    /// </summary>
    public FaceAugmentationOptions Augmentation { get; set; } = FaceAugmentationOptions.None;

    /// <summary>Seed of the initial weights, the shuffling, dropout and the augmentation. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Threads libtorch may use while training (process-wide, restored afterwards). Defaults to 1 (deterministic).</summary>
    public int Threads { get; set; } = 1;

    /// <summary>A copy with another <see cref="Seed"/>.</summary>
    public SeedFaceTrainingOptions WithSeed(int seed)
    {
        var copy = (SeedFaceTrainingOptions)MemberwiseClone();
        copy.Seed = seed;
        return copy;
    }

    /// <summary>The network's layout for <paramref name="classes"/> classes.</summary>
    public SeedFaceLayout Layout(int classes) => new(ConvChannels, Hidden, classes);

    /// <summary>Checks every option's range.</summary>
    /// <exception cref="ArgumentException">The first option out of range.</exception>
    public void Validate()
    {
        // The layout's constructor checks the channels, the hidden units and that the pools leave at least 1×1.
        _ = Layout(1);
        Require(Dropout is >= 0 and < 1, nameof(Dropout), "must be in [0, 1)");
        Require(Epochs >= 1, nameof(Epochs), "must be positive");
        Require(BatchSize >= 1, nameof(BatchSize), "must be positive");
        Require(LearningRate > 0, nameof(LearningRate), "must be positive");
        Require(Threads > 0, nameof(Threads), "must be positive");
        ArgumentNullException.ThrowIfNull(Augmentation);
        Augmentation.Validate();
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {rule}.", name);
        }
    }
}
