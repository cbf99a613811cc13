using StreamAnalytics.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Optimization;

/// <summary>
/// Adam (β₁ 0.9, β₂ 0.999, ε 1e-8: the same update as <c>torch.optim.Adam</c>'s defaults), optionally with decoupled
/// weight decay (AdamW), written so that every number handed to libtorch is an explicit <see cref="Scalar"/> alive
/// until the call returns. Shared by the rating and face trainers.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's own <c>optim.Adam</c> passes C# numbers to in-place operations (<c>mul_(beta1)</c>,
/// <c>addcdiv_(..., value: -stepSize)</c>); each becomes a temporary <c>Scalar</c> whose native handle is read and
/// handed to libtorch without keeping the temporary alive, so a garbage collection on another thread during the call
/// can finalise it while libtorch reads it. Measured: training in the test host aborted intermittently in
/// <c>addcdiv_</c> ("Expected false to be true ... toFloat at c10/core/Scalar.h"). TorchSharp's one-argument
/// <c>add_(scalar)</c> and <c>a + b</c> hide such a temporary too (alpha = 1): see <see cref="TensorArithmetic"/>.
/// </remarks>
internal sealed class ScalarSafeAdam : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Tensor[] _parameters;
    private readonly bool[] _decays;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _weightDecay;
    private int _steps;

    /// <summary>Creates the optimiser over <paramref name="parameters"/> with moments at 0.</summary>
    /// <param name="parameters">The tensors to update.</param>
    /// <param name="learningRate">The initial step size.</param>
    /// <param name="weightDecay">
    /// Decoupled weight decay (AdamW): each step multiplies a weight by 1 − learning rate × decay. Applied only to
    /// tensors of two or more dimensions (layer weights), never to biases or batch-norm scales. Defaults to 0 (Adam).
    /// </param>
    public ScalarSafeAdam(IEnumerable<Tensor> parameters, double learningRate, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _parameters = [.. parameters];
        _decays = [.. _parameters.Select(p => weightDecay > 0 && p.dim() >= 2)];
        _firstMoments = [.. _parameters.Select(p => zeros_like(p).requires_grad_(false))];
        _secondMoments = [.. _parameters.Select(p => zeros_like(p).requires_grad_(false))];
        _weightDecay = weightDecay;
        LearningRate = learningRate;
    }

    /// <summary>The step size; trainers lower it on a plateau or follow a schedule.</summary>
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
        using var decay = (1 - (LearningRate * _weightDecay)).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].grad is not { } gradient)
            {
                continue;
            }

            using var scope = NewDisposeScope();
            if (_decays[i])
            {
                _parameters[i].mul_(decay);
            }

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
