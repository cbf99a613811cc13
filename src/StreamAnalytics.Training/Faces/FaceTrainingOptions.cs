namespace StreamAnalytics.Training.Faces;

/// <summary>How <see cref="FaceTrainer"/> builds and trains the face network.</summary>
public sealed class FaceTrainingOptions
{
    /// <summary>
    /// The convolution blocks. Defaults to 32 channels 5×5 stride 2 + pool (112×92 → 28×23), 64 3×3 + pool (→ 14×11),
    /// 96 3×3 + pool (→ 7×5), 160 3×3: the early stride and pool keep training cheap on two cores.
    /// </summary>
    public IReadOnlyList<FaceBlockSpec> Blocks { get; set; } =
    [
        new(32, 5, 2, true),
        new(64, 3, 1, true),
        new(96, 3, 1, true),
        new(160, 3, 1, false),
    ];

    /// <summary>E: the embedding length. Defaults to 128.</summary>
    public int EmbeddingSize { get; set; } = 128;

    /// <summary>Passes over the training images. Defaults to 60.</summary>
    public int Epochs { get; set; } = 60;

    /// <summary>Images per step. Defaults to 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Peak learning rate (after a linear warm-up, then cosine decay to 0). Defaults to 0.003.</summary>
    public double LearningRate { get; set; } = 0.003;

    /// <summary>Epochs of linear learning-rate warm-up. Defaults to 3.</summary>
    public int WarmupEpochs { get; set; } = 3;

    /// <summary>Decoupled (AdamW) weight decay on layer weights. Defaults to 0.05.</summary>
    public double WeightDecay { get; set; } = 0.05;

    /// <summary>
    /// s: the classifier multiplies cosine similarities by it (normalised softmax), exported as
    /// <c>ClassifierScale</c>. Defaults to 16.
    /// </summary>
    public double ClassifierScale { get; set; } = 16;

    /// <summary>
    /// m: subtracted from the true class's cosine during training only (an additive cosine margin), which pulls each
    /// identity's embeddings together and apart from the others: what open-set rejection needs. Defaults to 0.2.
    /// </summary>
    public double Margin { get; set; } = 0.2;

    /// <summary>The random changes applied to training images.</summary>
    public FaceAugmentationOptions Augmentation { get; set; } = new();

    /// <summary>Seed of the initial weights, the shuffling and the augmentation. Defaults to 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Threads libtorch may use while training (process-wide, restored afterwards). Defaults to 1, which keeps
    /// training bit-for-bit deterministic for a seed.
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>Checks every option's range.</summary>
    /// <exception cref="ArgumentException">The first option out of range.</exception>
    public void Validate()
    {
        Require(Blocks is { Count: > 0 }, nameof(Blocks), "must hold at least one block");
        foreach (var block in Blocks)
        {
            Require(block.OutChannels >= 1 && block.KernelSize >= 1 && block.KernelSize % 2 == 1 && block.Stride is 1 or 2,
                nameof(Blocks), "need positive channels, an odd kernel and stride 1 or 2");
        }

        Require(EmbeddingSize >= 1, nameof(EmbeddingSize), "must be positive");
        Require(Epochs >= 1, nameof(Epochs), "must be positive");
        Require(BatchSize >= 1, nameof(BatchSize), "must be positive");
        Require(LearningRate > 0, nameof(LearningRate), "must be positive");
        Require(WarmupEpochs >= 0 && WarmupEpochs < Epochs, nameof(WarmupEpochs), "must be in [0, Epochs)");
        Require(WeightDecay >= 0, nameof(WeightDecay), "must not be negative");
        Require(ClassifierScale > 0, nameof(ClassifierScale), "must be positive");
        Require(Margin is >= 0 and < 1, nameof(Margin), "must be in [0, 1)");
        Require(Threads > 0, nameof(Threads), "must be positive");
        ArgumentNullException.ThrowIfNull(Augmentation);
        Augmentation.Validate();
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {rule}.", name);
        }
    }
}
