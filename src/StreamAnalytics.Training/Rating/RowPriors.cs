using static TorchSharp.torch;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// The L2 prior strengths of one training run as tensors: per table row λ / expected occurrences (factors and
/// biases, users and products), and the layer-weight λ as a 0-d tensor.
/// </summary>
/// <remarks>
/// Keeping λ in tensors means the penalty never multiplies a tensor by a C# number. TorchSharp 0.107 turns such a
/// number into a temporary <c>Scalar</c>, reads its native handle and calls libtorch without keeping the temporary
/// alive, so a garbage collection during the call can finalise it while libtorch reads it. Measured: a sweep of
/// trainings in one process aborted in <c>pow(2)</c> with "INTERNAL ASSERT FAILED at c10/core/Scalar.h".
/// </remarks>
internal sealed record RowPriors(Tensor UserFactors, Tensor UserBiases, Tensor ProductFactors, Tensor ProductBiases, Tensor Layers) : IDisposable
{
    public void Dispose()
    {
        UserFactors.Dispose();
        UserBiases.Dispose();
        ProductFactors.Dispose();
        ProductBiases.Dispose();
        Layers.Dispose();
    }
}
