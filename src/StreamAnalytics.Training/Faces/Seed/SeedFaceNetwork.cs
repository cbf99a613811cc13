using StreamAnalytics.ModelExport.Faces.Seed;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces.Seed;

/// <summary>
/// The reference ("seed") face network, for comparison with <see cref="FaceNetwork"/>: the plain Conv/MaxPool/Flatten/
/// large Dense/Dropout stack of <see cref="SeedFaceLayout"/> on the raw 1×112×92 pixels in [0, 1], returning logits.
/// No batch norm, no input standardisation, no embedding: what the seed trained. Dropout acts in training mode only.
/// </summary>
public sealed class SeedFaceNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d[] _convolutions;
    private readonly Linear _hidden;
    private readonly Dropout _dropout;
    private readonly Linear _output;

    /// <summary>Creates a network with Glorot-uniform weights (the Keras default) from <paramref name="generator"/> and zero biases.</summary>
    /// <param name="layout">The sizes.</param>
    /// <param name="dropout">Probability of zeroing a hidden unit in training; in [0, 1).</param>
    /// <param name="generator">Random source of the initial weights; null uses torch's global generator.</param>
    public SeedFaceNetwork(SeedFaceLayout layout, double dropout = 0.5, Generator? generator = null)
        : base(nameof(SeedFaceNetwork))
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfNegative(dropout);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dropout, 1);
        Layout = layout;
        _convolutions = new Conv2d[layout.ConvChannels.Count];
        var channels = 1;
        for (var i = 0; i < _convolutions.Length; i++)
        {
            _convolutions[i] = nn.Conv2d(channels, layout.ConvChannels[i], SeedFaceLayout.KernelSize, padding: SeedFaceLayout.KernelSize / 2);
            register_module($"conv{i}", _convolutions[i]);
            channels = layout.ConvChannels[i];
        }

        _hidden = nn.Linear(layout.FlattenSize, layout.Hidden);
        _dropout = nn.Dropout(dropout);
        _output = nn.Linear(layout.Hidden, layout.Classes);
        register_module("hidden", _hidden);
        register_module("dropout", _dropout);
        register_module("output", _output);
        Initialise(generator);
    }

    /// <summary>The sizes.</summary>
    public SeedFaceLayout Layout { get; }

    /// <summary>Every weight and bias, counted from the tensors (equals <see cref="SeedFaceLayout.ParameterCount"/>).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>The logits [N, K] of images [N, 1, 112, 92] in [0, 1].</summary>
    public override Tensor forward(Tensor images)
    {
        var x = images;
        foreach (var convolution in _convolutions)
        {
            x = nn.functional.max_pool2d(nn.functional.relu(convolution.forward(x)), 2, 2);
        }

        x = nn.functional.relu(_hidden.forward(x.flatten(1)));
        return _output.forward(_dropout.forward(x));
    }

    /// <summary>The weights as plain arrays, for <see cref="SeedFaceOnnxExporter"/>.</summary>
    public SeedFaceWeights ToWeights()
    {
        using var noGrad = no_grad();
        var weights = new SeedFaceWeights
        {
            Layout = Layout,
            ConvWeights = [.. _convolutions.Select(c => ToArray(c.weight))],
            ConvBiases = [.. _convolutions.Select(c => ToArray(c.bias))],
            HiddenWeight = ToArray(_hidden.weight),
            HiddenBias = ToArray(_hidden.bias),
            OutputWeight = ToArray(_output.weight),
            OutputBias = ToArray(_output.bias),
        };
        weights.Validate();
        return weights;
    }

    private void Initialise(Generator? generator)
    {
        using var noGrad = no_grad();
        foreach (var convolution in _convolutions)
        {
            var w = convolution.weight!;
            var area = w.shape[2] * w.shape[3];
            Glorot(w, w.shape[1] * area, w.shape[0] * area, generator);
            nn.init.zeros_(convolution.bias);
        }

        foreach (var linear in new[] { _hidden, _output })
        {
            Glorot(linear.weight!, linear.weight!.shape[1], linear.weight.shape[0], generator);
            nn.init.zeros_(linear.bias);
        }
    }

    private static void Glorot(Tensor weight, long fanIn, long fanOut, Generator? generator)
    {
        var bound = Math.Sqrt(6.0 / (fanIn + fanOut));
        nn.init.uniform_(weight, -bound, bound, generator);
    }

    private static float[] ToArray(Tensor? tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        return tensor.detach().contiguous().data<float>().ToArray();
    }
}
