using StreamAnalytics.ModelExport.Faces;

namespace StreamAnalytics.Training.Tests.Faces;

public sealed class FaceModelWeightsTests
{
    [Fact]
    public void Consistent_weights_validate()
    {
        var weights = Valid();

        weights.Validate();

        Assert.Equal(8 * 9 + 8 + (4 * 8) + 4 + (2 * 4) + 2, weights.ParameterCount);
    }

    [Theory]
    [InlineData("PixelStd")]
    [InlineData("Blocks[0]")]
    [InlineData("Blocks[0].Weight")]
    [InlineData("EmbeddingWeight")]
    [InlineData("ClassifierWeight")]
    [InlineData("ClassifierBias")]
    [InlineData("ClassifierScale")]
    [InlineData("Identities")]
    [InlineData("Threshold")]
    public void Inconsistent_field_is_named(string field)
    {
        var valid = Valid();
        var block = valid.Blocks[0];
        var broken = field switch
        {
            "PixelStd" => valid with { PixelStd = 0 },
            "Blocks[0]" => valid with { Blocks = [block with { KernelSize = 2 }] },
            "Blocks[0].Weight" => valid with { Blocks = [block with { Weight = new float[5] }] },
            "EmbeddingWeight" => valid with { EmbeddingWeight = new float[7] },
            "ClassifierWeight" => valid with { ClassifierWeight = new float[3] },
            "ClassifierBias" => valid with { ClassifierBias = new float[3] },
            "ClassifierScale" => valid with { ClassifierScale = -1 },
            "Identities" => valid with { Identities = ["a", "a"] },
            "Threshold" => valid with { Threshold = 1.5f },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var error = Assert.Throws<ArgumentException>(broken.Validate);

        Assert.Equal(field, error.ParamName);
    }

    private static FaceModelWeights Valid() => new()
    {
        PixelMean = 0.4f,
        PixelStd = 0.2f,
        Blocks = [new FaceConvBlock(1, 8, 3, 2, true, new float[8 * 9], new float[8])],
        EmbeddingWeight = new float[4 * 8],
        EmbeddingBias = new float[4],
        ClassifierWeight = new float[2 * 4],
        ClassifierBias = new float[2],
        ClassifierScale = 16,
        Identities = ["a", "b"],
        Threshold = 0.5f,
    };
}
