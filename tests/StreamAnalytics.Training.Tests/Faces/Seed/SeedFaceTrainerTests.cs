using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Seed;

namespace StreamAnalytics.Training.Tests.Faces.Seed;

[Collection(TrainingGroup.Name)]
public sealed class SeedFaceTrainerTests(OrlFaceFixture orl) : IClassFixture<OrlFaceFixture>
{
    private static SeedFaceTrainingOptions Tiny(FaceAugmentationOptions augmentation) => new()
    {
        ConvChannels = [4, 8],
        Hidden = 16,
        Epochs = 2,
        BatchSize = 8,
        Augmentation = augmentation,
        Seed = 5,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Same_seed_gives_identical_weights(bool augment)
    {
        var options = Tiny(augment ? new FaceAugmentationOptions() : FaceAugmentationOptions.None);
        var train = Enumerable.Range(0, 40).ToArray();

        using var first = new SeedFaceTrainer(options).Train(orl.Dataset, train);
        using var second = new SeedFaceTrainer(options).Train(orl.Dataset, train);
        var a = first.Network.ToWeights();
        var b = second.Network.ToWeights();

        Assert.Equal(a.ConvWeights.SelectMany(w => w), b.ConvWeights.SelectMany(w => w));
        Assert.Equal(a.HiddenWeight, b.HiddenWeight);
        Assert.Equal(a.OutputWeight, b.OutputWeight);
        Assert.Equal(first.Epochs.Select(e => e.Loss), second.Epochs.Select(e => e.Loss));
        Assert.Equal(["s1", "s2", "s3", "s4"], first.Identities);
        Assert.Equal(4, first.Network.Layout.Classes);
    }

    [Fact]
    public void A_different_seed_gives_different_weights()
    {
        var train = Enumerable.Range(0, 40).ToArray();

        using var first = new SeedFaceTrainer(Tiny(FaceAugmentationOptions.None)).Train(orl.Dataset, train);
        using var second = new SeedFaceTrainer(Tiny(FaceAugmentationOptions.None).WithSeed(6)).Train(orl.Dataset, train);

        Assert.NotEqual(first.Network.ToWeights().HiddenWeight, second.Network.ToWeights().HiddenWeight);
    }
}
