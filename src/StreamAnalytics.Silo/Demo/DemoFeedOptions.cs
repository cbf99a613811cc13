namespace StreamAnalytics.Silo.Demo;

/// <summary>
/// The in-process synthetic feed started by <c>--demo</c>, bound from the <c>Demo</c> section.
/// <code>"Demo": { "Enabled": false, "Rate": 200, "Seed": 42, "Users": 2000, "Products": 500, "Cameras": 4, "CameraFps": 8 }</code>
/// </summary>
public sealed class DemoFeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Demo";

    /// <summary>Whether the feed runs; <c>--demo</c> on the command line sets it. Defaults to false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Events per second. Defaults to 200.</summary>
    public double Rate { get; set; } = 200;

    /// <summary>Seed of the feed. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Distinct users. Defaults to 2,000.</summary>
    public int Users { get; set; } = 2_000;

    /// <summary>Distinct products. Defaults to 500.</summary>
    public int Products { get; set; } = 500;

    /// <summary>
    /// Demo cameras (<c>demo-camera-1</c>..N) replaying the face dataset's images to the <c>frames</c> topic once a face
    /// model serves (see <see cref="Models.FaceModelOptions.BootstrapDataset"/>). Defaults to 4.
    /// </summary>
    public int Cameras { get; set; } = 4;

    /// <summary>Frames per second of all demo cameras together. Defaults to 8.</summary>
    public double CameraFps { get; set; } = 8;
}
