namespace StreamAnalytics.ModelExport.Faces;

/// <summary>
/// The trained weights of the face model, in plain arrays (no TorchSharp types), as the face model contract defines
/// them: normalise the 112x92 grey image, run the convolution blocks, average over height and width, project to the
/// L2-normalised embedding (E values) and score it against the K identities. Every property is required: there are
/// no defaults. Arrays are compared by reference (record equality does not look inside them).
/// </summary>
public sealed record FaceModelWeights
{
    /// <summary>Subtracted from every pixel (pixels are in [0, 1]) before the first block. Finite.</summary>
    public required float PixelMean { get; init; }

    /// <summary>Every centred pixel is divided by it. Finite and above 0.</summary>
    public required float PixelStd { get; init; }

    /// <summary>The convolution blocks, applied in order; at least one. The first takes 1 channel, each next one the
    /// previous one's out channels, and together they must leave the 112x92 image at least 1x1.</summary>
    public required IReadOnlyList<FaceConvBlock> Blocks { get; init; }

    /// <summary>Embedding weights in torch <c>Linear</c> layout, E·C values, row-major [E, C]; C is the last block's out channels.</summary>
    public required float[] EmbeddingWeight { get; init; }

    /// <summary>Embedding bias, E values; its length sets E (at least 1).</summary>
    public required float[] EmbeddingBias { get; init; }

    /// <summary>Classifier weights, K·E values, row-major [K, E]; K is the number of <see cref="Identities"/>.</summary>
    public required float[] ClassifierWeight { get; init; }

    /// <summary>Classifier bias, K values.</summary>
    public required float[] ClassifierBias { get; init; }

    /// <summary>Multiplies the classifier's dot products before the bias is added. Finite.</summary>
    public required float ClassifierScale { get; init; }

    /// <summary>The K identity names, the classifier's classes in logit order. Non-empty and unique.</summary>
    public required IReadOnlyList<string> Identities { get; init; }

    /// <summary>The open-set cosine-similarity threshold calibrated on validation data (below it: unknown). In [-1, 1].</summary>
    public required float Threshold { get; init; }

    /// <summary>E, the embedding size (the length of <see cref="EmbeddingBias"/>).</summary>
    public int EmbeddingSize => EmbeddingBias?.Length ?? 0;

    /// <summary>The number of weights (every array's length): the model's parameter count after folding batch norm.</summary>
    public long ParameterCount =>
        Blocks.Sum(b => (long)b.Weight.Length + b.Bias.Length)
        + EmbeddingWeight.Length + EmbeddingBias.Length + ClassifierWeight.Length + ClassifierBias.Length;

    /// <summary>
    /// Checks that every size, length and value agrees with the contract, in declaration order (the identities before
    /// the classifier arrays, whose length they set).
    /// </summary>
    /// <exception cref="ArgumentException">The first inconsistent field; <see cref="ArgumentException.ParamName"/> names it
    /// (a block's problem names <see cref="Blocks"/>, and the message says which block and which part).</exception>
    public void Validate()
    {
        FaceWeightRules.RequireFinite(PixelMean, nameof(PixelMean));
        FaceWeightRules.RequireFinite(PixelStd, nameof(PixelStd));
        FaceWeightRules.Require(PixelStd > 0, nameof(PixelStd), $"must be above 0, was {PixelStd}");
        var channels = ValidateBlocks();

        FaceWeightRules.Require(EmbeddingBias is not null, nameof(EmbeddingBias), "is null");
        var embedding = EmbeddingBias!.Length;
        FaceWeightRules.Require(embedding >= 1, nameof(EmbeddingBias), "is empty: E must be at least 1");
        FaceWeightRules.RequireValues(EmbeddingWeight, (long)embedding * channels, nameof(EmbeddingWeight), "E*C");
        FaceWeightRules.RequireValues(EmbeddingBias, embedding, nameof(EmbeddingBias), "E");

        FaceWeightRules.RequireNames(Identities, nameof(Identities));
        var classes = Identities.Count;
        FaceWeightRules.RequireValues(ClassifierWeight, (long)classes * embedding, nameof(ClassifierWeight), "K*E");
        FaceWeightRules.RequireValues(ClassifierBias, classes, nameof(ClassifierBias), "K");
        FaceWeightRules.RequireFinite(ClassifierScale, nameof(ClassifierScale));
        FaceWeightRules.RequireFinite(Threshold, nameof(Threshold));
        FaceWeightRules.Require(Threshold is >= -1f and <= 1f, nameof(Threshold), $"must be a cosine similarity in [-1, 1], was {Threshold}");
    }

    /// <summary>Checks the blocks in order, following the channels and the image size through them; returns C.</summary>
    private int ValidateBlocks()
    {
        FaceWeightRules.Require(Blocks is not null, nameof(Blocks), "is null");
        FaceWeightRules.Require(Blocks!.Count >= 1, nameof(Blocks), "is empty: at least one block is required");
        var channels = 1;
        var height = FaceOnnxContract.InputHeight;
        var width = FaceOnnxContract.InputWidth;
        for (var i = 0; i < Blocks.Count; i++)
        {
            FaceWeightRules.ValidateBlock(Blocks[i], i, channels, nameof(Blocks));
            (height, width) = FaceWeightRules.OutputSize(Blocks[i], height, width);
            FaceWeightRules.Require(
                height >= 1 && width >= 1, nameof(Blocks), $"shrink the {FaceOnnxContract.InputHeight}x{FaceOnnxContract.InputWidth} image to nothing at block {i}");
            channels = Blocks[i].OutChannels;
        }

        return channels;
    }
}
