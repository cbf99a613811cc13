using StreamAnalytics.ModelExport.Faces;
using TorchSharp.Modules;
using StreamAnalytics.Training.Torch;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces;

/// <summary>
/// The face CNN as trained: standardised input, blocks of Conv (no bias) → BatchNorm → ReLU → optional 2×2 max pool,
/// global average pool, a linear embedding L2-normalised with norm √(Σv² + 1e-12), and a cosine classifier
/// (s · embedding · ŵₖ with each class weight ŵₖ normalised). <see cref="ToWeights"/> folds batch norm into the
/// convolutions and normalises the class weights, giving the face model contract's function exactly (in eval mode).
/// </summary>
public sealed class FaceNetwork : nn.Module<Tensor, Tensor>
{
    private const double BatchNormEpsilon = 1e-5;

    private readonly FaceBlockSpec[] _specs;
    private readonly Conv2d[] _convolutions;
    private readonly BatchNorm2d[] _norms;
    private readonly Linear _embedding;
    private readonly Parameter _classifier;
    private readonly Tensor _pixelMean;
    private readonly Tensor _pixelInvStd;
    private readonly Tensor _scale;
    private readonly Tensor _normEpsilon;

    /// <summary>Creates a network with weights drawn from <paramref name="generator"/>.</summary>
    /// <param name="blocks">The convolution blocks; the first takes one grey channel.</param>
    /// <param name="embeddingSize">E.</param>
    /// <param name="classes">K: the identities the classifier tells apart.</param>
    /// <param name="classifierScale">s.</param>
    /// <param name="pixelMean">Subtracted from every input pixel.</param>
    /// <param name="pixelStd">The centred input is divided by it.</param>
    /// <param name="generator">Random source of the initial weights; null uses torch's global generator.</param>
    public FaceNetwork(
        IReadOnlyList<FaceBlockSpec> blocks,
        int embeddingSize,
        int classes,
        float classifierScale,
        float pixelMean,
        float pixelStd,
        Generator? generator = null)
        : base(nameof(FaceNetwork))
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        _specs = [.. blocks];
        _convolutions = new Conv2d[_specs.Length];
        _norms = new BatchNorm2d[_specs.Length];
        var channels = 1;
        for (var i = 0; i < _specs.Length; i++)
        {
            var s = _specs[i];
            _convolutions[i] = nn.Conv2d(channels, s.OutChannels, s.KernelSize, stride: s.Stride, padding: s.KernelSize / 2, bias: false);
            _norms[i] = nn.BatchNorm2d(s.OutChannels, eps: BatchNormEpsilon);
            register_module($"conv{i}", _convolutions[i]);
            register_module($"norm{i}", _norms[i]);
            channels = s.OutChannels;
        }

        Channels = channels;
        EmbeddingSize = embeddingSize;
        Classes = classes;
        ClassifierScale = classifierScale;
        PixelMean = pixelMean;
        PixelStd = pixelStd;
        _embedding = nn.Linear(channels, embeddingSize);
        _classifier = new Parameter(empty(classes, embeddingSize));
        _pixelMean = tensor(pixelMean);
        _pixelInvStd = tensor(1f / pixelStd);
        _scale = tensor(classifierScale);
        _normEpsilon = tensor(1e-12f);
        register_module("embedding", _embedding);
        register_parameter("classifier", _classifier);
        register_buffer("pixel_mean", _pixelMean);
        register_buffer("pixel_inv_std", _pixelInvStd);
        register_buffer("scale", _scale);
        register_buffer("norm_epsilon", _normEpsilon);
        Initialise(generator);
    }

    /// <summary>C: the last block's channels.</summary>
    public int Channels { get; }

    /// <summary>E: the embedding length.</summary>
    public int EmbeddingSize { get; }

    /// <summary>K: the classifier's classes.</summary>
    public int Classes { get; }

    /// <summary>s: the cosine classifier's scale.</summary>
    public float ClassifierScale { get; }

    /// <summary>The input standardisation's mean.</summary>
    public float PixelMean { get; }

    /// <summary>The input standardisation's deviation.</summary>
    public float PixelStd { get; }

    /// <summary>Trained parameters, batch-norm scales and shifts included (not its running statistics).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>The L2-normalised embeddings [N, E] of images [N, 1, 112, 92] in [0, 1].</summary>
    public override Tensor forward(Tensor images)
    {
        var x = images.Minus(_pixelMean) * _pixelInvStd;
        for (var i = 0; i < _specs.Length; i++)
        {
            x = nn.functional.relu(_norms[i].forward(_convolutions[i].forward(x)));
            if (_specs[i].MaxPool)
            {
                x = nn.functional.max_pool2d(x, 2, 2);
            }
        }

        x = x.mean([2, 3]);
        return Normalise(_embedding.forward(x));
    }

    /// <summary>The cosine similarities [N, K] of normalised embeddings to each class's normalised weight.</summary>
    public Tensor Cosines(Tensor embeddings) => embeddings.matmul(Normalise(_classifier).t());

    /// <summary>The logits [N, K]: s times the cosines (the classifier bias is 0).</summary>
    public Tensor Logits(Tensor embeddings) => Cosines(embeddings) * _scale;

    /// <summary>
    /// The contract's weights: batch norm folded into each convolution (eval-mode statistics), class weights
    /// normalised (so the exported <c>s · embedding Wᵀ + b</c> with b = 0 equals <see cref="Logits"/>).
    /// </summary>
    public FaceModelWeights ToWeights(IReadOnlyList<string> identities, float threshold)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.Count != Classes)
        {
            throw new ArgumentException($"The network has {Classes} classes but {identities.Count} identities were given.", nameof(identities));
        }

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var blocks = new List<FaceConvBlock>();
        var channels = 1;
        for (var i = 0; i < _specs.Length; i++)
        {
            blocks.Add(Fold(_specs[i], channels, _convolutions[i], _norms[i]));
            channels = _specs[i].OutChannels;
        }

        var weights = new FaceModelWeights
        {
            PixelMean = PixelMean,
            PixelStd = PixelStd,
            Blocks = blocks,
            EmbeddingWeight = ToArray(_embedding.weight),
            EmbeddingBias = ToArray(_embedding.bias),
            ClassifierWeight = ToArray(Normalise(_classifier)),
            ClassifierBias = new float[Classes],
            ClassifierScale = ClassifierScale,
            Identities = [.. identities],
            Threshold = threshold,
        };
        weights.Validate();
        return weights;
    }

    /// <summary>Row-wise v / √(Σv² + 1e-12), the contract's normalisation.</summary>
    private Tensor Normalise(Tensor rows) => rows / rows.square().sum(1, keepdim: true).Plus(_normEpsilon).sqrt();

    private static FaceConvBlock Fold(FaceBlockSpec spec, int inChannels, Conv2d convolution, BatchNorm2d norm)
    {
        // Eval-mode batch norm is γ (y − μ) / √(σ² + ε) + β per output channel: a per-channel factor on the
        // convolution's weights plus a bias, since the convolution itself has none.
        var weight = ToArray(convolution.weight);
        var gamma = ToArray(norm.weight);
        var beta = ToArray(norm.bias);
        var mean = ToArray(norm.running_mean);
        var variance = ToArray(norm.running_var);
        var perChannel = weight.Length / spec.OutChannels;
        var bias = new float[spec.OutChannels];
        for (var o = 0; o < spec.OutChannels; o++)
        {
            var factor = gamma[o] / Math.Sqrt(variance[o] + BatchNormEpsilon);
            for (var j = 0; j < perChannel; j++)
            {
                weight[(o * perChannel) + j] = (float)(weight[(o * perChannel) + j] * factor);
            }

            bias[o] = (float)(beta[o] - (mean[o] * factor));
        }

        return new FaceConvBlock(inChannels, spec.OutChannels, spec.KernelSize, spec.Stride, spec.MaxPool, weight, bias);
    }

    private void Initialise(Generator? generator)
    {
        // He-uniform convolutions (ReLU follows each), torch's default linear bounds, unit-variance class weights (only
        // their directions matter); every draw comes from the one generator, so a seed fixes the initial state.
        using var noGrad = no_grad();
        foreach (var convolution in _convolutions)
        {
            var fanIn = convolution.weight!.shape[1] * convolution.weight.shape[2] * convolution.weight.shape[3];
            var bound = Math.Sqrt(6.0 / fanIn);
            nn.init.uniform_(convolution.weight, -bound, bound, generator);
        }

        var linearBound = 1.0 / Math.Sqrt(Channels);
        nn.init.uniform_(_embedding.weight, -linearBound, linearBound, generator);
        nn.init.uniform_(_embedding.bias, -linearBound, linearBound, generator);
        nn.init.normal_(_classifier, 0, 1, generator);
    }

    private static float[] ToArray(Tensor? tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        return tensor.detach().contiguous().data<float>().ToArray();
    }
}
