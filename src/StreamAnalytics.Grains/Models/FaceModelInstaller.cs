using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Models;

/// <summary>Installs face models with their gallery (see <see cref="FaceModelActivator"/>).</summary>
public sealed class FaceModelInstaller(ModelHost<FaceModel> host, FaceModelActivator activator) : IModelInstaller
{
    /// <inheritdoc />
    public string? ActiveVersion => host.ActiveVersion;

    /// <inheritdoc />
    public Task<ModelSwapResult> TryInstallAsync(byte[] onnx, CancellationToken cancellationToken) => activator.TryActivateAsync(onnx, cancellationToken);
}
