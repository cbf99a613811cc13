using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Faces.Evaluation;

namespace StreamAnalytics.Training.Tests.Faces;

[Collection(TrainingGroup.Name)]
public sealed class FaceTrainerTests(OrlFaceFixture orl) : IClassFixture<OrlFaceFixture>
{
    [Fact]
    public void One_orl_split_reaches_97_percent()
    {
        var (train, test) = FaceSplits.PerIdentity(orl.Dataset, 5, seed: 42);

        using var trained = new FaceTrainer(new FaceTrainingOptions()).Train(orl.Dataset, train);
        var accuracy = FaceSplitEvaluation.Accuracy(trained, orl.Dataset, test);
        var weights = trained.Network.ToWeights(trained.Identities, 0.5f);

        Assert.True(accuracy >= 0.97, $"accuracy {accuracy:P2}");
        Assert.True(weights.ParameterCount <= 250_000, $"{weights.ParameterCount} parameters");
    }

    [Fact]
    public void Same_seed_gives_identical_weights()
    {
        var options = TinyOptions();
        var train = Enumerable.Range(0, 40).ToArray();

        using var first = new FaceTrainer(options).Train(orl.Dataset, train);
        using var second = new FaceTrainer(options).Train(orl.Dataset, train);
        var a = first.Network.ToWeights(first.Identities, 0f);
        var b = second.Network.ToWeights(second.Identities, 0f);

        Assert.Equal(a.Blocks.SelectMany(x => x.Weight), b.Blocks.SelectMany(x => x.Weight));
        Assert.Equal(a.EmbeddingWeight, b.EmbeddingWeight);
        Assert.Equal(a.ClassifierWeight, b.ClassifierWeight);
        Assert.Equal(["s1", "s2", "s3", "s4"], a.Identities);
    }

    [Fact]
    public void Exported_classifier_rows_are_unit_vectors_with_zero_bias()
    {
        using var trained = new FaceTrainer(TinyOptions()).Train(orl.Dataset, Enumerable.Range(0, 40).ToArray());
        var weights = trained.Network.ToWeights(trained.Identities, 0f);

        // The contract's logits are s · embedding Wᵀ + b; with unit rows and b = 0 they are the trained s · cosines.
        for (var k = 0; k < weights.Identities.Count; k++)
        {
            var row = weights.ClassifierWeight.AsSpan(k * weights.EmbeddingSize, weights.EmbeddingSize).ToArray();
            Assert.Equal(1.0, Math.Sqrt(row.Sum(v => (double)v * v)), 4);
        }

        Assert.All(weights.ClassifierBias, b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Open_set_on_a_small_run_gives_sane_rates()
    {
        var protocol = new FaceOpenSetProtocol { Enrolled = 12, EnrolImagesPerIdentity = 5, CalibrationStrangers = 4 };
        var options = new FaceTrainingOptions { Epochs = 15 };
        var small = Subset(orl.Dataset, 16);

        var report = FaceOpenSetEvaluation.Evaluate(small, protocol, options, seed: 5);

        Assert.Equal(12, report.Enrolled);
        Assert.Equal(4, report.Strangers);
        Assert.InRange(report.Threshold, -1, 1);
        Assert.True(report.Rank1Accuracy >= 0.8, $"rank-1 {report.Rank1Accuracy:P1}");
        Assert.True(report.AcceptedCorrect <= report.Rank1Accuracy);
        Assert.True(report.StrangerRejection >= 0.3, $"strangers rejected {report.StrangerRejection:P1}");
        Assert.True(report.AcceptedCorrect + report.FalseRejection <= 1 + 1e-9);
    }

    private static FaceTrainingOptions TinyOptions() => new()
    {
        Blocks = [new FaceBlockSpec(8, 5, 2, true), new FaceBlockSpec(16, 3, 1, true)],
        EmbeddingSize = 16,
        Epochs = 2,
        WarmupEpochs = 0,
        BatchSize = 16,
        Seed = 11,
    };

    private static FaceDataset Subset(FaceDataset dataset, int identities)
    {
        var images = Enumerable.Range(0, dataset.Count).Where(i => dataset.Labels[i] < identities).ToArray();
        return new FaceDataset(
            dataset.Name,
            [.. dataset.Identities.Take(identities)],
            [.. images.Select(i => dataset.Images[i])],
            [.. images.Select(i => dataset.Labels[i])],
            [.. images.Select(i => dataset.Sources[i])]);
    }
}
