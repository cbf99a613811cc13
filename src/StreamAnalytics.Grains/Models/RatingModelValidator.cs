using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Rating;

namespace StreamAnalytics.Grains.Models;

/// <summary>Loads and probes a rating model (<see cref="RatingModelProbe"/>).</summary>
public sealed class RatingModelValidator : IModelValidator
{
    /// <inheritdoc />
    public async Task<string> ValidateAsync(byte[] onnx, CancellationToken cancellationToken = default)
    {
        using var model = new RatingModel(onnx, RatingFeatureVector.Names);
        await RatingModelProbe.CheckAsync(model, cancellationToken);
        return model.Version;
    }
}
