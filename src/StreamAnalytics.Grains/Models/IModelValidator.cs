namespace StreamAnalytics.Grains.Models;

/// <summary>
/// Checks that bytes are a servable model of one kind before the registry activates them: loads them (ONNX Runtime,
/// the kind's contract) and runs the kind's probe. Registered as a keyed service per kind.
/// </summary>
public interface IModelValidator
{
    /// <summary>The version string inside the model; throws with the reason when the bytes are not servable.</summary>
    Task<string> ValidateAsync(byte[] onnx, CancellationToken cancellationToken = default);
}
