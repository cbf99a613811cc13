using StreamAnalytics.ModelExport.Faces;

namespace StreamAnalytics.Inference.Tests;

public sealed class FaceWeightsValidationTests
{
    private static readonly FaceModelWeights Good = FaceWeightsFactory.Random(61);

    public static TheoryData<string, string, string> Broken => new()
    {
        // case, the field ArgumentException.ParamName names, a fragment of the message
        { "pixel std zero", nameof(FaceModelWeights.PixelStd), "must be above 0" },
        { "pixel mean infinite", nameof(FaceModelWeights.PixelMean), "must be finite" },
        { "no blocks", nameof(FaceModelWeights.Blocks), "at least one block" },
        { "first block takes colour", nameof(FaceModelWeights.Blocks), "Blocks[0].InChannels is 3, expected 1" },
        { "channels do not chain", nameof(FaceModelWeights.Blocks), "Blocks[2].InChannels is 7, expected 6" },
        { "even kernel", nameof(FaceModelWeights.Blocks), "Blocks[1].KernelSize must be odd" },
        { "stride 3", nameof(FaceModelWeights.Blocks), "Blocks[0].Stride must be 1 or 2" },
        { "short block weight", nameof(FaceModelWeights.Blocks), "Blocks[1].Weight has 599 values, expected Out*In*K*K = 600" },
        { "nan block bias", nameof(FaceModelWeights.Blocks), "Blocks[2].Bias has a non-finite value" },
        { "pooled to nothing", nameof(FaceModelWeights.Blocks), "image to nothing at block 6" },
        { "embedding weight for other channels", nameof(FaceModelWeights.EmbeddingWeight), "expected E*C = 64" },
        { "no embedding", nameof(FaceModelWeights.EmbeddingBias), "E must be at least 1" },
        { "infinite embedding weight", nameof(FaceModelWeights.EmbeddingWeight), "non-finite value" },
        { "no identities", nameof(FaceModelWeights.Identities), "is empty" },
        { "repeated identity", nameof(FaceModelWeights.Identities), "repeats the name 'person-1' at index 3" },
        { "empty identity", nameof(FaceModelWeights.Identities), "empty name at index 0" },
        { "classifier rows differ from identities", nameof(FaceModelWeights.ClassifierWeight), "expected K*E = 48" },
        { "classifier bias short", nameof(FaceModelWeights.ClassifierBias), "expected K = 5" },
        { "scale nan", nameof(FaceModelWeights.ClassifierScale), "must be finite" },
        { "threshold above one", nameof(FaceModelWeights.Threshold), "in [-1, 1]" },
        { "threshold nan", nameof(FaceModelWeights.Threshold), "must be finite" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Inconsistent_weights_are_rejected_naming_the_field(string broken, string field, string message)
    {
        var weights = Break(broken);

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Equal(field, error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FaceOnnxExporter.Export(weights, "v1", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void The_test_weights_are_valid()
    {
        Good.Validate();
        FaceWeightsFactory.Random(62, FaceWeightsFactory.Served, embedding: 128, identities: 40).Validate();
    }

    [Fact]
    public void Threshold_bounds_are_inclusive()
    {
        (Good with { Threshold = -1f }).Validate();
        (Good with { Threshold = 1f }).Validate();
    }

    [Fact]
    public void An_empty_version_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => FaceOnnxExporter.Export(Good, " ", DateTimeOffset.UnixEpoch));
    }

    private static FaceModelWeights Break(string broken)
    {
        var blocks = Good.Blocks;
        FaceModelWeights WithBlock(int i, Func<FaceConvBlock, FaceConvBlock> change) =>
            Good with { Blocks = [.. blocks.Select((b, j) => j == i ? change(b) : b)] };

        return broken switch
        {
            "pixel std zero" => Good with { PixelStd = 0f },
            "pixel mean infinite" => Good with { PixelMean = float.PositiveInfinity },
            "no blocks" => Good with { Blocks = [] },
            "first block takes colour" => WithBlock(0, b => b with { InChannels = 3 }),
            "channels do not chain" => WithBlock(2, b => b with { InChannels = 7 }),
            "even kernel" => WithBlock(1, b => b with { KernelSize = 4 }),
            "stride 3" => WithBlock(0, b => b with { Stride = 3 }),
            "short block weight" => WithBlock(1, b => b with { Weight = b.Weight[1..] }),
            "nan block bias" => WithBlock(2, b => b with { Bias = [float.NaN, .. b.Bias[1..]] }),
            "pooled to nothing" => FaceWeightsFactory.Random(63, [.. Enumerable.Repeat(new FaceWeightsFactory.Block(2, 3, 1, true), 7)]),
            "embedding weight for other channels" => Good with { EmbeddingWeight = new float[8 * 6] },
            "no embedding" => Good with { EmbeddingBias = [] },
            "infinite embedding weight" => Good with { EmbeddingWeight = [.. Good.EmbeddingWeight[..^1], float.NegativeInfinity] },
            "no identities" => Good with { Identities = [] },
            "repeated identity" => Good with { Identities = ["person-0", "person-1", "person-2", "person-1", "person-4"] },
            "empty identity" => Good with { Identities = ["", "person-1", "person-2", "person-3", "person-4"] },
            "classifier rows differ from identities" => Good with { Identities = FaceWeightsFactory.Names(6) },
            "classifier bias short" => Good with { ClassifierBias = new float[4] },
            "scale nan" => Good with { ClassifierScale = float.NaN },
            "threshold above one" => Good with { Threshold = 1.01f },
            "threshold nan" => Good with { Threshold = float.NaN },
            _ => throw new ArgumentOutOfRangeException(nameof(broken), broken, null),
        };
    }
}
