using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Inference.Faces;

/// <summary>Swapping exported face model bytes into a <see cref="ModelHost{TModel}"/>.</summary>
public static class FaceModelSwaps
{
    /// <summary>
    /// Loads <paramref name="onnx"/> as a face model, runs <see cref="FaceModelProbe"/> on it and, when both pass, makes
    /// it the active model. A failure leaves the active model serving; the result says what failed. Embeddings from
    /// different versions are not comparable: a gallery must be re-embedded with the candidate before it goes live,
    /// which is the gallery's part of the swap, not this method's.
    /// </summary>
    public static Task<ModelSwapResult> TrySwapAsync(this ModelHost<FaceModel> host, byte[] onnx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(onnx);
        return host.TrySwapAsync(() => new FaceModel(onnx), FaceModelProbe.CheckAsync, cancellationToken);
    }
}
