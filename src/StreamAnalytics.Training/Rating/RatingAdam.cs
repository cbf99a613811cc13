using StreamAnalytics.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay: the same update as <c>torch.optim.Adam</c>'s defaults) written so
/// that every number handed to libtorch is an explicit <see cref="Scalar"/> alive until the call returns.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's own <c>optim.Adam</c> passes C# numbers to in-place operations (<c>mul_(beta1)</c>,
/// <c>addcdiv_(..., value: -stepSize)</c>); each becomes a temporary <c>Scalar</c> whose native handle is read and
/// handed to libtorch without keeping the temporary alive, so a garbage collection on another thread during the call
/// can finalise it while libtorch reads it. Measured: training in the test host aborted intermittently in
/// <c>addcdiv_</c> ("Expected false to be true ... toFloat at c10/core/Scalar.h"). TorchSharp's own one-argument
/// <c>add_(scalar)</c> hides such a temporary too (alpha = 1): see <see cref="Torch.TensorArithmetic"/> and
/// <see cref="RowPriors"/>.
/// </remarks>
internal sealed class RatingAdam : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Tensor[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private int _steps;

    /// <summary>Creates the optimiser over <paramref name="parameters"/> with moments at 0.</summary>
    public RatingAdam(IEnumerable<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        _firstMoments = [.. _parameters.Select(p => zeros_like(p).requires_grad_(false))];
        _secondMoments = [.. _parameters.Select(p => zeros_like(p).requires_grad_(false))];
        LearningRate = learningRate;
    }

    /// <summary>The step size; the trainer lowers it on a validation plateau.</summary>
    public double LearningRate { get; set; }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>One Adam update from the gradients the last backward pass left.</summary>
    public void Step()
    {
        _steps++;
        var correction1 = 1 - Math.Pow(Beta1, _steps);
        var correction2 = 1 - Math.Pow(Beta2, _steps);
        using var noGrad = no_grad();
        using var beta1 = Beta1.ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var step = (-LearningRate / correction1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].grad is not { } gradient)
            {
                continue;
            }

            using var scope = NewDisposeScope();
            _firstMoments[i].mul_(beta1).add_(gradient, oneMinusBeta1);
            _secondMoments[i].mul_(beta2).addcmul_(gradient, gradient, oneMinusBeta2);
            var denominator = _secondMoments[i].sqrt().div_(rootCorrection2).PlusInPlace(epsilon);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, step);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }
    }
}
