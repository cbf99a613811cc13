namespace StreamAnalytics.ModelExport.Faces.Seed;

/// <summary>
/// The shape of the reference ("seed") face network, kept for comparison with ours: on the 1×112×92 grey image, one
/// block per entry of <see cref="ConvChannels"/> (3×3 convolution with bias, padding 1 → ReLU → 2×2 stride-2 max pool),
/// flatten, one large dense layer of <see cref="Hidden"/> units → ReLU → dropout (training only), and a dense layer to
/// the <see cref="Classes"/> logits.
/// </summary>
public sealed class SeedFaceLayout
{
    /// <summary>The convolutions' square kernel: 3 (padding 1 keeps height and width).</summary>
    public const int KernelSize = 3;

    /// <summary>Hidden units of <see cref="SeedSize"/>: with two pools and 64 channels the flatten is 64×28×23 = 41,216
    /// values, and 1,272 units puts the whole network at 52.5M parameters for 40 classes, the seed's size.</summary>
    public const int SeedHidden = 1272;

    /// <summary>Creates a layout.</summary>
    /// <param name="convChannels">Out channels of each convolution block, in order; at least one, each positive.</param>
    /// <param name="hidden">Units of the large dense layer; positive.</param>
    /// <param name="classes">K, the logits; positive.</param>
    /// <exception cref="ArgumentException">A size is not positive, or the pools shrink the image below 1×1.</exception>
    public SeedFaceLayout(IReadOnlyList<int> convChannels, int hidden, int classes)
    {
        ArgumentNullException.ThrowIfNull(convChannels);
        if (convChannels.Count == 0 || convChannels.Any(c => c <= 0))
        {
            throw new ArgumentException("There must be at least one convolution block and every one needs positive channels.", nameof(convChannels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ConvChannels = [.. convChannels];
        Hidden = hidden;
        Classes = classes;

        // Each pool floors: 112 → 56 → 28 and 92 → 46 → 23 (ONNX MaxPool and torch max_pool2d both drop an odd edge).
        (FlattenHeight, FlattenWidth) = (FaceOnnxContract.InputHeight, FaceOnnxContract.InputWidth);
        foreach (var _ in ConvChannels)
        {
            (FlattenHeight, FlattenWidth) = (FlattenHeight / 2, FlattenWidth / 2);
        }

        if (FlattenHeight < 1 || FlattenWidth < 1)
        {
            throw new ArgumentException($"{ConvChannels.Count} pools shrink the {FaceOnnxContract.InputHeight}×{FaceOnnxContract.InputWidth} image below 1×1.", nameof(convChannels));
        }
    }

    /// <summary>
    /// The seed-size network: convolutions of 32 and 64 channels, 1,272 hidden units; for 40 classes
    /// <see cref="ParameterCount"/> is 52,497,760.
    /// </summary>
    public static SeedFaceLayout SeedSize(int classes = 40) => new([32, 64], SeedHidden, classes);

    /// <summary>Out channels of each convolution block.</summary>
    public IReadOnlyList<int> ConvChannels { get; }

    /// <summary>Units of the large dense layer.</summary>
    public int Hidden { get; }

    /// <summary>K: the logits, one per class.</summary>
    public int Classes { get; }

    /// <summary>Height of the last block's output.</summary>
    public int FlattenHeight { get; }

    /// <summary>Width of the last block's output.</summary>
    public int FlattenWidth { get; }

    /// <summary>Values per image after flatten: last channels × <see cref="FlattenHeight"/> × <see cref="FlattenWidth"/>.</summary>
    public int FlattenSize => ConvChannels[^1] * FlattenHeight * FlattenWidth;

    /// <summary>
    /// Every weight and bias: Σ (9·Cᵢ₋₁ + 1)·Cᵢ over the convolutions (C₀ = 1), (F + 1)·H for the dense layer and
    /// (H + 1)·K for the output layer, F being <see cref="FlattenSize"/>. Dropout has none.
    /// </summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            var inChannels = 1;
            foreach (var channels in ConvChannels)
            {
                count += ((long)KernelSize * KernelSize * inChannels + 1) * channels;
                inChannels = channels;
            }

            return count + ((long)FlattenSize + 1) * Hidden + ((long)Hidden + 1) * Classes;
        }
    }
}
