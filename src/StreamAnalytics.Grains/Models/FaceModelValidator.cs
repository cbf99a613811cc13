using StreamAnalytics.Inference.Faces;

namespace StreamAnalytics.Grains.Models;

/// <summary>Loads and probes a face model (<see cref="FaceModelProbe"/>).</summary>
public sealed class FaceModelValidator : IModelValidator
{
    /// <inheritdoc />
    public async Task<string> ValidateAsync(byte[] onnx, CancellationToken cancellationToken = default)
    {
        using var model = new FaceModel(onnx);
        await FaceModelProbe.CheckAsync(model, cancellationToken);
        return model.Version;
    }
}
