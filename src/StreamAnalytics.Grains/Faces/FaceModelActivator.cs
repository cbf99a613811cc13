using Microsoft.Extensions.Options;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// Makes a face model live on this silo the only safe way: load it, probe it, build its gallery from every stored face,
/// and only then swap it in, so no frame is ever searched in a gallery of another version. Any failure leaves the
/// active model (and its gallery) serving.
/// </summary>
public sealed class FaceModelActivator(ModelHost<FaceModel> models, GallerySynchronizer galleries, IOptions<FaceServingOptions> options)
{
    /// <summary>Loads, probes, prepares the gallery and swaps; the result says what failed, if anything.</summary>
    public Task<ModelSwapResult> TryActivateAsync(byte[] onnx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        return models.TrySwapAsync(
            () => new FaceModel(onnx),
            async (candidate, cancellation) =>
            {
                await FaceModelProbe.CheckAsync(candidate, cancellation);
                await galleries.PrepareAsync(candidate, cancellation);
                await BackgroundWork.RunAsync(() => WarmUp(candidate), cancellation);
            },
            cancellationToken);
    }

    // ONNX Runtime sizes its buffers on a session's first run of a shape: run the batcher's largest batch once here, off
    // the request path, so the first full batch after the swap does not pay for it (a p99 spike in sa bench swap).
    private void WarmUp(FaceModel candidate)
    {
        var batch = options.Value.Batching.MaxBatchSize;
        candidate.Embed(new float[batch * FaceModel.PixelsPerImage], batch, new float[batch * candidate.EmbeddingSize]);
    }
}
