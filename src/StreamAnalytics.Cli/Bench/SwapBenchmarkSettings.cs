namespace StreamAnalytics.Cli.Bench;

/// <summary>What <c>sa bench swap</c> measures.</summary>
/// <param name="Silos">Worker silos in the in-process cluster; defaults to 2.</param>
/// <param name="Swaps">Swaps of each kind (rating, then face, one after the other); defaults to 5.</param>
/// <param name="SteadySeconds">Seconds of steady-state load timed before the first swap; defaults to 10.</param>
/// <param name="PredictionRate">Rating predictions offered per second; defaults to 200.</param>
/// <param name="FrameRate">Camera frames offered per second; defaults to 100 (16 cameras at about 6 fps).</param>
/// <param name="Ratings">Synthetic ratings the rating model is trained on; defaults to 20,000.</param>
internal sealed record SwapBenchmarkSettings(int Silos, int Swaps, double SteadySeconds, double PredictionRate, double FrameRate, int Ratings)
{
    /// <summary>Default of <see cref="Silos"/>: 2.</summary>
    public const int DefaultSilos = 2;

    /// <summary>Default of <see cref="Swaps"/>: 5.</summary>
    public const int DefaultSwaps = 5;

    /// <summary>Default of <see cref="SteadySeconds"/>: 10.</summary>
    public const double DefaultSteadySeconds = 10;

    /// <summary>Default of <see cref="PredictionRate"/>: 200 per second.</summary>
    public const double DefaultPredictionRate = 200;

    /// <summary>Default of <see cref="FrameRate"/>: 100 per second.</summary>
    public const double DefaultFrameRate = 100;

    /// <summary>Default of <see cref="Ratings"/>: 20,000.</summary>
    public const int DefaultRatings = 20_000;

    /// <summary>A sentence naming the first invalid setting, or null.</summary>
    public string? Validate() =>
        Silos is < 1 or > 4 ? $"--silos must be between 1 and 4; got {Silos}."
        : Swaps is < 1 or > 50 ? $"--swaps must be between 1 and 50; got {Swaps}."
        : SteadySeconds is < 1 or > 600 ? $"--steady-seconds must be between 1 and 600; got {SteadySeconds}."
        : PredictionRate is < 1 or > 20_000 ? $"--prediction-rate must be between 1 and 20000; got {PredictionRate}."
        : FrameRate is < 1 or > 5_000 ? $"--frame-rate must be between 1 and 5000; got {FrameRate}."
        : Ratings is < 1_000 or > 1_000_000 ? $"--ratings must be between 1000 and 1000000; got {Ratings}."
        : null;
}
