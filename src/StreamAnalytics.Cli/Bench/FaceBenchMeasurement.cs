namespace StreamAnalytics.Cli.Bench;

/// <summary>One path of <c>sa bench faces</c>.</summary>
/// <param name="ImagesPerSecond">Images over the timed window's wall time.</param>
/// <param name="P50Ms">Median latency of an image, in milliseconds: a grain call for the grain paths, the run of the
/// image's batch for raw ONNX Runtime.</param>
/// <param name="P99Ms">99th percentile of the same.</param>
/// <param name="MeanBatchSize">Images per model run: fixed for raw ONNX Runtime, what the batcher formed for grains
/// (NaN is never written: 0 when no batch was observed).</param>
/// <param name="Images">Images timed.</param>
internal sealed record FaceBenchMeasurement(double ImagesPerSecond, double P50Ms, double P99Ms, double MeanBatchSize, long Images)
{
    /// <summary>A path's measurement from its per-call latencies, each call carrying <paramref name="imagesPerCall"/> images.</summary>
    public static FaceBenchMeasurement From(CallLatencies latencies, int imagesPerCall, long images, double meanBatchSize) =>
        new(
            Math.Round(latencies.CallsPerSecond * imagesPerCall),
            Math.Round(latencies.P50Ms, 3),
            Math.Round(latencies.P99Ms, 3),
            double.IsNaN(meanBatchSize) ? 0 : Math.Round(meanBatchSize, 2),
            images);
}
