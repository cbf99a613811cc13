using TorchSharp;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Torch;

/// <summary>
/// Tensor additions and subtractions that never create a temporary <see cref="Scalar"/>.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 implements <c>a + b</c>, <c>a - b</c>, <c>add_(scalar)</c> and their kin as calls with an
/// implicit <c>alpha = 1</c>: a temporary <see cref="Scalar"/> whose native handle is read and handed to libtorch
/// without keeping the temporary alive, so a garbage collection during the call (any thread allocating) can finalise
/// it while libtorch reads it. Training then aborts intermittently with "Unknown scalar type" or "Expected false to be
/// true ... toFloat at c10/core/Scalar.h" (seen in CI in the optimiser's <c>add_(epsilon)</c> and in
/// <c>addcdiv_</c>). These helpers pass <see cref="One"/>, held for the life of the process, as alpha. Multiplication,
/// division, <c>square</c>, reductions and the loss functions take no hidden scalar.
/// </remarks>
internal static class TensorArithmetic
{
    /// <summary>The scalar 1, never collected.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>The scalar −1, never collected.</summary>
    public static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary><paramref name="left"/> + <paramref name="right"/>, a new tensor.</summary>
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, One);

    /// <summary><paramref name="left"/> − <paramref name="right"/>, a new tensor.</summary>
    public static Tensor Minus(this Tensor left, Tensor right) => left.add(right, MinusOne);

    /// <summary>Adds <paramref name="value"/> to every element in place; the caller holds <paramref name="value"/>.</summary>
    public static Tensor PlusInPlace(this Tensor tensor, Scalar value) => tensor.add_(value, One);
}
