namespace StreamAnalytics.ModelExport.Faces;

/// <summary>
/// The trained weights of the face model, in plain arrays (no TorchSharp types), as the face model contract defines
/// them. The graph computes, for a [N, 1, 112, 92] input of grey levels in [0, 1]: (x − PixelMean) / PixelStd, the
/// <see cref="Blocks"/> in order, a global average pool to [N, C], the embedding
/// L2-normalise(x Wᵀ + b) with norm √(Σv² + 1e-12), and the logits ClassifierScale · (embedding Wᵀ) + b. Every
/// property is required: there are no defaults. Arrays are compared by reference.
/// </summary>
public sealed record FaceModelWeights
{
    /// <summary>The model's input height in pixels: 112.</summary>
    public const int InputHeight = 112;

    /// <summary>The model's input width in pixels: 92.</summary>
    public const int InputWidth = 92;

    /// <summary>Subtracted from every input pixel first.</summary>
    public required float PixelMean { get; init; }

    /// <summary>The centred pixels are divided by it; positive.</summary>
    public required float PixelStd { get; init; }

    /// <summary>The convolution blocks, applied in order; the first takes 1 channel, each the previous one's output.</summary>
    public required IReadOnlyList<FaceConvBlock> Blocks { get; init; }

    /// <summary>Embedding layer weights, E·C values, row-major [E, C] (C = the last block's output channels).</summary>
    public required float[] EmbeddingWeight { get; init; }

    /// <summary>Embedding layer bias, E values.</summary>
    public required float[] EmbeddingBias { get; init; }

    /// <summary>Classifier weights, K·E values, row-major [K, E].</summary>
    public required float[] ClassifierWeight { get; init; }

    /// <summary>Classifier bias, K values.</summary>
    public required float[] ClassifierBias { get; init; }

    /// <summary>The factor the classifier's dot products are multiplied by before the bias is added.</summary>
    public required float ClassifierScale { get; init; }

    /// <summary>The K identities of the classifier's classes, in order. Unique and non-empty.</summary>
    public required IReadOnlyList<string> Identities { get; init; }

    /// <summary>The open-set cosine-similarity threshold calibrated on validation data: below it, unknown. In [-1, 1].</summary>
    public required float Threshold { get; init; }

    /// <summary>C: the channels the last block produces (0 with no blocks).</summary>
    public int Channels => Blocks is { Count: > 0 } ? Blocks[^1].OutChannels : 0;

    /// <summary>E: the embedding length.</summary>
    public int EmbeddingSize => EmbeddingBias?.Length ?? 0;

    /// <summary>The number of weights (every array's length): the model's parameter count after folding.</summary>
    public long ParameterCount =>
        Blocks.Sum(b => (long)b.Weight.Length + b.Bias.Length)
        + EmbeddingWeight.Length + EmbeddingBias.Length + ClassifierWeight.Length + ClassifierBias.Length;

    /// <summary>Checks that every size, length and value agrees with the contract, in declaration order.</summary>
    /// <exception cref="ArgumentException">The first inconsistent field; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public void Validate()
    {
        Require(float.IsFinite(PixelMean), nameof(PixelMean), $"must be finite, was {PixelMean}");
        Require(float.IsFinite(PixelStd) && PixelStd > 0, nameof(PixelStd), $"must be positive and finite, was {PixelStd}");
        Require(Blocks is { Count: > 0 }, nameof(Blocks), "must hold at least one block");
        var channels = 1;
        for (var i = 0; i < Blocks.Count; i++)
        {
            ValidateBlock(Blocks[i], i, channels);
            channels = Blocks[i].OutChannels;
        }

        RequireLength(EmbeddingBias, EmbeddingBias?.Length ?? 0, nameof(EmbeddingBias), "E");
        Require(EmbeddingBias!.Length >= 1, nameof(EmbeddingBias), "must have at least one value (E >= 1)");
        long e = EmbeddingBias.Length;
        RequireLength(EmbeddingWeight, e * channels, nameof(EmbeddingWeight), "E*C");
        RequireIdentities();
        long k = Identities.Count;
        RequireLength(ClassifierWeight, k * e, nameof(ClassifierWeight), "K*E");
        RequireLength(ClassifierBias, k, nameof(ClassifierBias), "K");
        Require(float.IsFinite(ClassifierScale) && ClassifierScale > 0, nameof(ClassifierScale), $"must be positive and finite, was {ClassifierScale}");
        Require(Threshold is >= -1f and <= 1f, nameof(Threshold), $"must be a cosine similarity in [-1, 1], was {Threshold}");
    }

    private static void ValidateBlock(FaceConvBlock block, int index, int inChannels)
    {
        var field = $"{nameof(Blocks)}[{index}]";
        Require(block is not null, field, "is null");
        Require(block!.InChannels == inChannels, field, $"takes {block.InChannels} channels, but its input has {inChannels}");
        Require(block.OutChannels >= 1, field, $"must have at least one output channel, had {block.OutChannels}");
        Require(block.KernelSize >= 1 && block.KernelSize % 2 == 1, field, $"needs an odd kernel size, had {block.KernelSize}");
        Require(block.Stride is 1 or 2, field, $"needs stride 1 or 2, had {block.Stride}");
        long k = block.KernelSize;
        RequireLength(block.Weight, (long)block.OutChannels * block.InChannels * k * k, $"{field}.{nameof(FaceConvBlock.Weight)}", "Out*In*K*K");
        RequireLength(block.Bias, block.OutChannels, $"{field}.{nameof(FaceConvBlock.Bias)}", "Out");
    }

    private void RequireIdentities()
    {
        Require(Identities is { Count: > 0 }, nameof(Identities), "must name at least one identity");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Identities.Count; i++)
        {
            // Serving answers with these names: an empty or repeated one would be ambiguous.
            Require(!string.IsNullOrEmpty(Identities[i]), nameof(Identities), $"has an empty name at index {i}");
            Require(seen.Add(Identities[i]), nameof(Identities), $"repeats '{Identities[i]}' at index {i}");
        }
    }

    private static void RequireLength(float[] values, long expected, string field, string formula)
    {
        Require(values is not null, field, "is null");
        Require(values!.Length == expected, field, $"has {values.Length} values, expected {formula} = {expected}");
        Require(values.All(float.IsFinite), field, "holds a value that is not finite");
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {problem}.", field);
        }
    }
}
