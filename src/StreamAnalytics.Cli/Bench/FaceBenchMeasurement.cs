namespace StreamAnalytics.Cli.Bench;

/// <summary>One path of <c>sa bench faces</c>.</summary>
/// <param name="ImagesPerSecond">Images over the timed window's wall time.</param>
/// <param name="P50Ms">Median latency of an image, in milliseconds: a grain call for the grain paths, the run of the
/// image's batch for raw ONNX Runtime.</param>
/// <param name="P99Ms">99th percentile of the same.</param>
/// <param name="MeanBatchSize">Images per model run: fixed for raw ONNX Runtime, what the batcher formed for grains
/// (NaN is never written: 0 when no batch was observed).</param>
/// <param name="Images">Images timed.</param>
/// <param name="CpuMsPerImage">This process's CPU time (every thread: the silo, the broker, ONNX Runtime) over the
/// timed window, per image: what an image costs whatever the other processes on the machine take, so the grain path's
/// overhead over raw ONNX Runtime reads here even when the shared cores blur the rates.</param>
internal sealed record FaceBenchMeasurement(double ImagesPerSecond, double P50Ms, double P99Ms, double MeanBatchSize, long Images, double CpuMsPerImage)
{
    /// <summary>A path's measurement from its per-call latencies, each call carrying <paramref name="imagesPerCall"/> images.</summary>
    /// <param name="latencies">The timed calls.</param>
    /// <param name="imagesPerCall">Images per call.</param>
    /// <param name="images">Images timed.</param>
    /// <param name="meanBatchSize">Images per model run; NaN (none observed) is written as 0.</param>
    /// <param name="cpu">The process's CPU time over the timed window (<see cref="Environment.CpuUsage"/> difference).</param>
    public static FaceBenchMeasurement From(CallLatencies latencies, int imagesPerCall, long images, double meanBatchSize, TimeSpan cpu) =>
        new(
            Math.Round(latencies.CallsPerSecond * imagesPerCall),
            Math.Round(latencies.P50Ms, 3),
            Math.Round(latencies.P99Ms, 3),
            double.IsNaN(meanBatchSize) ? 0 : Math.Round(meanBatchSize, 2),
            images,
            Math.Round(cpu.TotalMilliseconds / images, 3));
}
