using System.Globalization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The plain-text report of <c>sa bench swap</c>.</summary>
internal static class SwapResultText
{
    public static void Write(SwapResult r, TextWriter output)
    {
        output.WriteLine($"{r.Silos} silos, {r.Swaps} swaps of each model, registry polled every {r.ModelPollInterval} ms, {r.Cores} cores");
        Load(output, "predictions", r.Predictions);
        Load(output, "identifications", r.Identifications);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"activation -> every silo serving: rating mean {r.RatingSwaps.MeanMs:F0} ms (max {r.RatingSwaps.MaxMs:F0}), face mean {r.FaceSwaps.MeanMs:F0} ms (max {r.FaceSwaps.MaxMs:F0})"));
        output.WriteLine($"answers tagged with an unregistered version: {r.UnregisteredVersions}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"floor p99 during swaps <= {r.Floor.MaxP99Ratio}x steady: predictions {Verdict(r.Floor.PredictionsMet)}, identifications {Verdict(r.Floor.IdentificationsMet)}"));
    }

    private static void Load(TextWriter output, string name, SwapLoadResult load)
    {
        static string Window(SwapWindow w) => string.Create(CultureInfo.InvariantCulture,
            $"{w.Calls:N0} calls, {w.Failures} failed, p50 {w.P50Ms:F2} ms, p99 {w.P99Ms:F2} ms, max {w.MaxMs:F1} ms, {w.Versions} versions");
        output.WriteLine($"{name}, steady:       {Window(load.Steady)}");
        output.WriteLine($"{name}, during swaps: {Window(load.DuringSwaps)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, ratio p50 {load.P50Ratio:F2}, p99 {load.P99Ratio:F2}"));
    }

    private static string Verdict(bool met) => met ? "pass" : "FAIL";
}
