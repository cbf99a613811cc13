using StreamAnalytics.ModelExport.Faces;

namespace StreamAnalytics.Inference.Tests;

/// <summary>Face model weights for tests: random ones of a given architecture.</summary>
internal static class FaceWeightsFactory
{
    /// <summary>The shape of one block: out channels, kernel size, stride, and whether a 2x2 max pool follows.</summary>
    public readonly record struct Block(int Out, int Kernel, int Stride, bool Pool);

    /// <summary>Three small blocks: 112x92 → pool 56x46 → stride 2 to 28x23 → pool 14x11 (an odd width dropped).</summary>
    public static IReadOnlyList<Block> Small { get; } = [new(4, 3, 1, true), new(6, 5, 2, false), new(8, 3, 1, true)];

    /// <summary>A size a trainer might ship (~100k parameters): 112x92 → 28x23 → 14x11 → 7x5.</summary>
    public static IReadOnlyList<Block> Served { get; } = [new(16, 5, 2, true), new(32, 3, 1, true), new(64, 3, 1, true), new(128, 3, 1, false)];

    public static IReadOnlyList<string> Names(int count) => [.. Enumerable.Range(0, count).Select(i => $"person-{i}")];

    /// <summary>
    /// Weights drawn uniformly, scaled by fan-in (so activations neither vanish nor explode through the blocks), with
    /// small positive biases (so the ReLUs pass something through).
    /// </summary>
    public static FaceModelWeights Random(int seed, IReadOnlyList<Block>? blocks = null, int embedding = 8, int identities = 5)
    {
        blocks ??= Small;
        var random = new Random(seed);
        float[] Draw(long n, double fanIn) =>
            [.. Enumerable.Range(0, checked((int)n)).Select(_ => (float)(((random.NextDouble() * 2) - 1) * Math.Sqrt(6.0 / fanIn)))];
        float[] Bias(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 0.1))];

        var convBlocks = new List<FaceConvBlock>();
        var channels = 1;
        foreach (var b in blocks)
        {
            var fanIn = channels * b.Kernel * b.Kernel;
            convBlocks.Add(new FaceConvBlock(channels, b.Out, b.Kernel, b.Stride, b.Pool, Draw((long)b.Out * fanIn, fanIn), Bias(b.Out)));
            channels = b.Out;
        }

        return new FaceModelWeights
        {
            PixelMean = 0.45f,
            PixelStd = 0.25f,
            Blocks = convBlocks,
            EmbeddingWeight = Draw((long)embedding * channels, channels),
            EmbeddingBias = Bias(embedding),
            ClassifierWeight = Draw((long)identities * embedding, embedding),
            ClassifierBias = Bias(identities),
            ClassifierScale = 16f,
            Identities = Names(identities),
            Threshold = 0.4f,
        };
    }

    /// <summary><paramref name="count"/> images of uniform noise in [0, 1], row-major [count, 1, 112, 92].</summary>
    public static float[] Images(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count * Inference.Faces.FaceModel.PixelsPerImage).Select(_ => random.NextSingle())];
    }
}
