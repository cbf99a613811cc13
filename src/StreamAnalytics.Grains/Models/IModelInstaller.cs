using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Models;

/// <summary>
/// Puts a model kind's bytes live on this silo the kind's safe way (rating: load, probe, swap; face: load, probe,
/// re-embed the gallery, swap). Registered as a keyed service per kind; used by <see cref="ModelWatcher"/>.
/// </summary>
public interface IModelInstaller
{
    /// <summary>The version this silo serves now; null when none.</summary>
    string? ActiveVersion { get; }

    /// <summary>Loads and swaps in <paramref name="onnx"/>; a failure leaves the active model serving.</summary>
    Task<ModelSwapResult> TryInstallAsync(byte[] onnx, CancellationToken cancellationToken);
}
