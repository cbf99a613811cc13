namespace StreamAnalytics.Silo.Demo;

/// <summary>
/// The in-process synthetic feed started by <c>--demo</c>, bound from the <c>Demo</c> section.
/// <code>"Demo": { "Enabled": false, "Rate": 200, "Seed": 42, "Users": 2000, "Products": 500 }</code>
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
}
