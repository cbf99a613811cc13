using StreamAnalytics.Inference.Faces;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Raw ONNX Runtime on a face model, one caller: <see cref="FaceModel.Embed(ReadOnlySpan{float}, int, Span{float})"/>
/// on images decoded and fitted before timing, in batches of a fixed size. The latency of an image is the run of the
/// batch that carries it (every image of a batch waits for the whole batch).
/// </summary>
internal static class OnnxFaceTimings
{
    /// <summary>Times batches of <paramref name="batchSize"/> over <paramref name="fitted"/> (cycled) until
    /// <paramref name="images"/> images have run, after <paramref name="warmupImages"/> untimed ones.</summary>
    /// <param name="model">The model, e.g. the silo's own (same session as the grains).</param>
    /// <param name="fitted">Fitted images; their count is a multiple of <paramref name="batchSize"/>, so a batch never wraps.</param>
    /// <param name="batchSize">Images per run.</param>
    /// <param name="images">Timed images (rounded up to whole batches).</param>
    /// <param name="warmupImages">Untimed images first.</param>
    public static FaceBenchMeasurement Time(FaceModel model, float[][] fitted, int batchSize, int images, int warmupImages)
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

        var embeddings = new float[batchSize * model.EmbeddingSize];
        var batches = fitted.Length / batchSize;
        void Run(int i)
        {
            var first = i % batches * batchSize * FaceModel.PixelsPerImage;
            model.Embed(pixels.AsSpan(first, batchSize * FaceModel.PixelsPerImage), batchSize, embeddings);
        }

        CallLatencies.Time(0, Batches(warmupImages, batchSize), Run);
        var cpu = Environment.CpuUsage.TotalTime;
        var latencies = CallLatencies.Time(0, Batches(images, batchSize), Run);
        return FaceBenchMeasurement.From(latencies, batchSize, Batches(images, batchSize) * (long)batchSize, batchSize, Environment.CpuUsage.TotalTime - cpu);
    }

    private static int Batches(int images, int batchSize) => (images + batchSize - 1) / batchSize;
}
