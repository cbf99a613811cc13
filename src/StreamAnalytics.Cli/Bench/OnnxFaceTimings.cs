using System.Diagnostics;
using StreamAnalytics.Inference.Faces;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Raw ONNX Runtime on a face model: <see cref="FaceModel.Embed(ReadOnlySpan{float}, int, Span{float})"/> on images
/// decoded and fitted before timing, in batches of a fixed size, from one or more concurrent callers of the one session
/// (as the batcher runs up to <c>MaxConcurrentBatches</c> batches at once). The latency of an image is the run of the
/// batch that carries it (every image of a batch waits for the whole batch).
/// </summary>
internal static class OnnxFaceTimings
{
    /// <summary>Times batches of <paramref name="batchSize"/> over <paramref name="fitted"/> (cycled) until
    /// <paramref name="images"/> images have run, after <paramref name="warmupImages"/> untimed ones.</summary>
    /// <param name="model">The model, e.g. the silo's own (same session as the grains).</param>
    /// <param name="fitted">Fitted images; their count is a multiple of <paramref name="batchSize"/>, so a batch never wraps.</param>
    /// <param name="batchSize">Images per run.</param>
    /// <param name="callers">Threads calling the session at once, each with its own output buffer.</param>
    /// <param name="images">Timed images (rounded up to whole batches for every caller).</param>
    /// <param name="warmupImages">Untimed images first.</param>
    public static FaceBenchMeasurement Time(FaceModel model, float[][] fitted, int batchSize, int callers, int images, int warmupImages)
    {
        if (fitted.Length % batchSize != 0)
        {
            throw new ArgumentException($"{fitted.Length} images do not split into batches of {batchSize}.", nameof(fitted));
        }

        var pixels = new float[fitted.Length * FaceModel.PixelsPerImage];
        for (var i = 0; i < fitted.Length; i++)
        {
            fitted[i].CopyTo(pixels, i * FaceModel.PixelsPerImage);
        }

        var batches = fitted.Length / batchSize;
        var perCaller = (Batches(images, batchSize) + callers - 1) / callers;
        var warmupPerCaller = (Batches(warmupImages, batchSize) + callers - 1) / callers;

        // Each caller runs its own loop on a dedicated thread, so the callers are as concurrent as the batcher's runs
        // and no thread-pool scheduling sits between two runs; warm-up runs first, on the same threads' shape.
        long[] Caller(int caller, int runs)
        {
            var embeddings = new float[batchSize * model.EmbeddingSize];
            var ticks = new long[runs];
            for (var i = 0; i < runs; i++)
            {
                var first = ((caller * perCaller) + i) % batches * batchSize * FaceModel.PixelsPerImage;
                var started = Stopwatch.GetTimestamp();
                model.Embed(pixels.AsSpan(first, batchSize * FaceModel.PixelsPerImage), batchSize, embeddings);
                ticks[i] = Stopwatch.GetTimestamp() - started;
            }

            return ticks;
        }

        RunCallers(callers, c => Caller(c, warmupPerCaller));
        var cpu = Environment.CpuUsage.TotalTime;
        var loop = Stopwatch.GetTimestamp();
        var results = new long[callers][];
        RunCallers(callers, c => results[c] = Caller(c, perCaller));
        var latencies = CallLatencies.From([.. results.SelectMany(t => t)], Stopwatch.GetElapsedTime(loop));
        return FaceBenchMeasurement.From(latencies, batchSize, perCaller * (long)callers * batchSize, batchSize, Environment.CpuUsage.TotalTime - cpu);
    }

    private static void RunCallers(int callers, Action<int> caller)
    {
        var threads = Enumerable.Range(0, callers).Select(c => new Thread(() => caller(c)) { IsBackground = true }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private static int Batches(int images, int batchSize) => (images + batchSize - 1) / batchSize;
}
