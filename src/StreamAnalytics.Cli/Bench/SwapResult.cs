using System.Text.Json.Serialization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The result of <c>sa bench swap</c>.</summary>
/// <param name="Silos">Worker silos in the cluster.</param>
/// <param name="Swaps">Swaps of each kind.</param>
/// <param name="Predictions">Rating predictions in steady state and during the swaps.</param>
/// <param name="Identifications">Camera identifications in steady state and during the swaps.</param>
/// <param name="RatingSwaps">Each rating activation until every silo served it.</param>
/// <param name="FaceSwaps">Each face activation until every silo served it (the gallery re-embedded first).</param>
/// <param name="UnregisteredVersions">Answers tagged with a version that was never registered (0 expected).</param>
/// <param name="Floor">The floor: p99 during swaps at most 2× steady state, for both kinds.</param>
/// <param name="ModelPollInterval">How often each silo asks the registry for the active versions (ms).</param>
/// <param name="Cores">Logical processors of the machine.</param>
internal sealed record SwapResult(
    int Silos,
    int Swaps,
    SwapLoadResult Predictions,
    SwapLoadResult Identifications,
    SwapTimings RatingSwaps,
    SwapTimings FaceSwaps,
    int UnregisteredVersions,
    SwapFloor Floor,
    double ModelPollInterval,
    int Cores);

/// <summary>One kind of call in steady state and during the swaps.</summary>
/// <param name="Steady">Calls started in the steady-state window.</param>
/// <param name="DuringSwaps">Calls started from the first activation until 1 s after the last swap was served
/// everywhere (each swap is followed by 1 s before the next).</param>
/// <param name="P50Ratio">During swaps over steady state, at the median.</param>
/// <param name="P99Ratio">During swaps over steady state, at the 99th percentile.</param>
internal sealed record SwapLoadResult(SwapWindow Steady, SwapWindow DuringSwaps, double P50Ratio, double P99Ratio);

/// <summary>The calls of one window.</summary>
/// <param name="Calls">Calls started in the window.</param>
/// <param name="Failures">Calls that failed or answered without a model.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
/// <param name="MaxMs">Slowest call.</param>
/// <param name="Versions">Distinct model versions that answered.</param>
/// <param name="LastFailure">Why the last failed call failed; null when none did.</param>
internal sealed record SwapWindow(int Calls, int Failures, double P50Ms, double P99Ms, double MaxMs, int Versions, string? LastFailure);

/// <summary>From activation (the registry's answer) until every silo served the version, per swap.</summary>
/// <param name="Ms">Each swap, in order.</param>
/// <param name="MeanMs">Their mean.</param>
/// <param name="MaxMs">The slowest.</param>
internal sealed record SwapTimings(double[] Ms, double MeanMs, double MaxMs);

/// <summary>The floor and whether this run met it.</summary>
/// <param name="MaxP99Ratio">2: p99 during swaps at most twice steady state's.</param>
/// <param name="PredictionsMet">Whether predictions met it.</param>
/// <param name="IdentificationsMet">Whether identifications met it.</param>
internal sealed record SwapFloor(double MaxP99Ratio, bool PredictionsMet, bool IdentificationsMet)
{
    /// <summary>The floor on the p99 ratio.</summary>
    public const double P99Ratio = 2;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SwapResult))]
internal sealed partial class SwapResultJson : JsonSerializerContext;
