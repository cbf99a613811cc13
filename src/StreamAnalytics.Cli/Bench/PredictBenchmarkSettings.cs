namespace StreamAnalytics.Cli.Bench;

/// <summary>What <c>sa bench predict</c> measures.</summary>
/// <param name="Calls">Timed predictions per path (raw ONNX Runtime, grain, API), after as many warm-up calls up to
/// 1,000; defaults to 5,000.</param>
/// <param name="Events">Synthetic interactions fed through the embedded broker into the grains before timing, so
/// users and products have features; defaults to 20,000.</param>
/// <param name="Ratings">Ratings of the synthetic feed the model is trained on; defaults to 20,000.</param>
internal sealed record PredictBenchmarkSettings(int Calls, int Events, int Ratings)
{
    /// <summary>Default of <see cref="Calls"/>: 5,000.</summary>
    public const int DefaultCalls = 5_000;

    /// <summary>Default of <see cref="Events"/>: 20,000.</summary>
    public const int DefaultEvents = 20_000;

    /// <summary>Default of <see cref="Ratings"/>: 20,000.</summary>
    public const int DefaultRatings = 20_000;

    /// <summary>A sentence naming the first invalid setting, or null.</summary>
    public string? Validate() =>
        Calls is < 100 or > 1_000_000 ? $"--calls must be between 100 and 1000000; got {Calls}."
        // The embedded broker keeps about 5 MB per partition: 200,000 events over 8 partitions fit.
        : Events is < 1_000 or > 200_000 ? $"--events must be between 1000 and 200000; got {Events}."
        : Ratings is < 1_000 or > 1_000_000 ? $"--ratings must be between 1000 and 1000000; got {Ratings}."
        : null;
}
