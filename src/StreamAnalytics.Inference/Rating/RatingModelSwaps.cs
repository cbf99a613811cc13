using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Inference.Rating;

/// <summary>Swapping exported rating model bytes into a <see cref="ModelHost{TModel}"/>.</summary>
public static class RatingModelSwaps
{
    /// <summary>
    /// Loads <paramref name="onnx"/> as a rating model for the features serving computes
    /// (<see cref="RatingFeatureVector.Names"/>), runs <see cref="RatingModelProbe"/> on it and, when both pass, makes it
    /// the active model. A failure leaves the active model serving; the result says what failed.
    /// </summary>
    public static Task<ModelSwapResult> TrySwapAsync(this ModelHost<RatingModel> host, byte[] onnx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(onnx);
        return host.TrySwapAsync(() => new RatingModel(onnx, RatingFeatureVector.Names), RatingModelProbe.CheckAsync, cancellationToken);
    }
}
