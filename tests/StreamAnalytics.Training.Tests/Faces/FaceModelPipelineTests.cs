using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Training.Tests.Faces;

/// <summary>
/// The production face training path: what it writes is a file serving loads, labelled with the chosen identities and
/// the threshold it calibrated (or was given). Tiny networks and few epochs: these test the plumbing, not accuracy.
/// </summary>
[Collection(TrainingGroup.Name)]
public sealed class FaceModelPipelineTests(OrlFaceFixture orl) : IClassFixture<OrlFaceFixture>
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 12, 4, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Pipeline_writes_a_model_serving_loads_with_the_calibrated_threshold_and_the_first_identities()
    {
        var options = TinyOptions(identities: 8);
        var lines = new List<string>();

        var result = FaceModelPipeline.Train(orl.Dataset, options, lines.Add);

        Assert.True(result.Calibrated);
        Assert.Equal(80, result.Images);
        Assert.InRange(result.ValidationGenuineAccepted!.Value, 0, 1);
        Assert.InRange(result.ValidationImpostorRejected!.Value, 0, 1);
        Assert.Contains(lines, line => line.StartsWith("threshold ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("calibration epoch 3/3", StringComparison.Ordinal));
        using var model = new FaceModel(result.Onnx);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"s{i}"), model.Identities);
        Assert.Equal(result.Identities, model.Identities);
        Assert.Equal(result.Threshold, model.Threshold);
        Assert.InRange(model.Threshold, -1f, 1f);
        Assert.Equal("pipeline-test", model.Version);
        Assert.Equal(TrainedAt, model.TrainedAt);
        Assert.Equal(16, model.EmbeddingSize);
        Assert.True(result.ParameterCount > 0);

        // Both outputs have the contract's shapes: [N, E] unit-length embeddings and [N, K] logits.
        const int count = 3;
        var pixels = orl.Dataset.Images.Take(count).SelectMany(i => i).ToArray();
        var embeddings = new float[count * model.EmbeddingSize];
        var logits = new float[count * model.Identities.Count];
        model.Embed(pixels, count, embeddings, logits);
        for (var i = 0; i < count; i++)
        {
            var row = embeddings.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize).ToArray();
            Assert.Equal(1.0, Math.Sqrt(row.Sum(v => (double)v * v)), 4);
        }

        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Fixed_threshold_skips_calibration_and_is_written_as_given()
    {
        var options = TinyOptions(identities: 6);
        options.FixedThreshold = 0.42f;
        var lines = new List<string>();

        var result = FaceModelPipeline.Train(orl.Dataset, options, lines.Add);

        Assert.False(result.Calibrated);
        Assert.Null(result.ValidationGenuineAccepted);
        Assert.Null(result.ValidationImpostorRejected);
        Assert.DoesNotContain(lines, line => line.Contains("calibration", StringComparison.Ordinal));
        using var model = new FaceModel(result.Onnx);
        Assert.Equal(0.42f, model.Threshold);
        Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6"], model.Identities);
    }

    [Fact]
    public void Identities_are_the_first_in_natural_order_of_their_names()
    {
        // Three ORL people renamed so that label order, ordinal order and natural order all differ.
        var images = Enumerable.Range(0, 30).ToArray();
        var dataset = new FaceDataset(
            "renamed",
            ["s10", "s9", "s2"],
            [.. images.Select(i => orl.Dataset.Images[i])],
            [.. images.Select(i => orl.Dataset.Labels[i])],
            [.. images.Select(i => orl.Dataset.Sources[i])]);
        var options = TinyOptions(identities: 2);
        options.FixedThreshold = 0.5f;
        options.Training.Epochs = 1;
        options.Training.WarmupEpochs = 0;

        var result = FaceModelPipeline.Train(dataset, options);

        // Classes stay in label order: s9 (label 1) before s2 (label 2).
        Assert.Equal(["s9", "s2"], result.Identities);
        Assert.Equal(20, result.Images);
    }

    [Fact]
    public void Too_few_identities_for_the_calibration_strangers_are_refused_before_training()
    {
        var options = TinyOptions(identities: 4);
        options.CalibrationStrangers = 4;

        var error = Assert.Throws<ArgumentException>(() => FaceModelPipeline.Train(orl.Dataset, options));

        Assert.Contains("strangers", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FaceModelPipeline.Train(orl.Dataset, TinyOptions(identities: 41)));
    }

    private static FaceModelPipelineOptions TinyOptions(int identities) => new()
    {
        Training = new FaceTrainingOptions
        {
            Blocks = [new FaceBlockSpec(8, 5, 2, true), new FaceBlockSpec(16, 3, 1, true)],
            EmbeddingSize = 16,
            Epochs = 3,
            WarmupEpochs = 0,
            BatchSize = 16,
            Seed = 11,
        },
        Identities = identities,
        CalibrationStrangers = 3,
        Version = "pipeline-test",
        TrainedAt = TrainedAt,
    };
}
