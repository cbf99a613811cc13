using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Optimization;

/// <summary>
/// Adam (Kingma and Ba, without weight decay or AMSGrad) over a fixed list of parameters, written so that every
/// <see cref="Scalar"/> handed to libtorch stays referenced until the native call returns.
/// </summary>
/// <remarks>
/// Why not <c>torch.optim.Adam</c>: TorchSharp 0.107's optimizers pass temporary scalars (an implicit
/// <c>double</c> → <see cref="Scalar"/> conversion) whose last managed reference dies when their handle is read, before
/// the P/Invoke returns. A garbage collection in that window finalizes the native scalar and libtorch fails with
/// "Unknown scalar type" (seen in CI, with other tests allocating on the same process). Here each scalar is a
/// <c>using</c> local that outlives the calls that use it. The update is the same as TorchSharp's Adam:
/// <c>m ← β₁m + (1−β₁)g</c>, <c>v ← β₂v + (1−β₂)g²</c>, <c>θ ← θ − lr·m/(1−β₁ᵗ) / (√v/√(1−β₂ᵗ) + ε)</c>.
/// </remarks>
internal sealed class ScalarSafeAdam : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private long _steps;

    /// <summary>An optimizer with zeroed moments.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size; change it between steps with <see cref="LearningRate"/>.</param>
    /// <param name="beta1">Decay of the first moment. Defaults to 0.9.</param>
    /// <param name="beta2">Decay of the second moment. Defaults to 0.999.</param>
    /// <param name="epsilon">Added to the denominator. Defaults to 1e-8.</param>
    public ScalarSafeAdam(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        LearningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        using var noGrad = no_grad();
        _firstMoments = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
        _secondMoments = [.. _parameters.Select(p => zeros_like(p).DetachFromDisposeScope())];
    }

    /// <summary>The step size of the next <see cref="Step"/>.</summary>
    public double LearningRate { get; set; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        _steps++;
        var correction1 = 1 - Math.Pow(_beta1, _steps);
        var correction2 = 1 - Math.Pow(_beta2, _steps);
        using var beta1 = _beta1.ToScalar();
        using var rest1 = (1 - _beta1).ToScalar();
        using var beta2 = _beta2.ToScalar();
        using var rest2 = (1 - _beta2).ToScalar();
        using var epsilon = _epsilon.ToScalar();
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var negativeStep = (-LearningRate / correction1).ToScalar();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].grad is not { } gradient)
            {
                continue;
            }

            _firstMoments[i].mul_(beta1).add_(gradient, rest1);
            _secondMoments[i].mul_(beta2).addcmul_(gradient, gradient, rest2);
            var denominator = _secondMoments[i].sqrt().div_(rootCorrection2).add_(epsilon);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, negativeStep);
        }
    }

    /// <summary>Releases the moment tensors.</summary>
    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }
    }
}
