using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;

namespace StreamAnalytics.Grains.Models;

/// <summary>Installs rating models into this silo's <see cref="ModelHost{TModel}"/> (load, probe, atomic swap).</summary>
public sealed class RatingModelInstaller(ModelHost<RatingModel> host) : IModelInstaller
{
    /// <inheritdoc />
    public string? ActiveVersion => host.ActiveVersion;

    /// <inheritdoc />
    public Task<ModelSwapResult> TryInstallAsync(byte[] onnx, CancellationToken cancellationToken) => host.TrySwapAsync(onnx, cancellationToken);
}
