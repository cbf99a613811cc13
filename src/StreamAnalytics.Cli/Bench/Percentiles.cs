namespace StreamAnalytics.Cli.Bench;

/// <summary>Nearest-rank percentiles of sorted samples, as every benchmark reports them.</summary>
internal static class Percentiles
{
    /// <summary>The smallest sample with at least <paramref name="p"/> of the samples at or below it; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
