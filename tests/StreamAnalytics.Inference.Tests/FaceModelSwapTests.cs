using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Inference.Tests;

public sealed class FaceModelSwapTests
{
    [Fact]
    public async Task A_face_model_that_passes_its_probe_goes_live()
    {
        using var host = new ModelHost<FaceModel>("face");
        var weights = FaceWeightsFactory.Random(71);

        var result = await host.TrySwapAsync(FaceExportTests.Export(weights, "f1"));

        Assert.True(result.Swapped, result.Reason);
        using var lease = host.Acquire();
        Assert.Equal("f1", lease.Version);
        Assert.Equal(weights.Identities, lease.Model.Identities);
    }

    [Fact]
    public async Task Corrupt_bytes_fail_the_build_and_the_active_model_keeps_serving()
    {
        using var host = new ModelHost<FaceModel>("face");
        await host.TrySwapAsync(FaceExportTests.Export(FaceWeightsFactory.Random(72), "f1"));

        var result = await host.TrySwapAsync([1, 2, 3]);

        Assert.False(result.Swapped);
        Assert.Equal(ModelSwapStage.Build, result.FailedStage);
        Assert.Equal(ModelLoadFailure.Corrupt, Assert.IsType<ModelLoadException>(result.Error).Failure);
        Assert.Equal("f1", host.ActiveVersion);
    }

    [Fact]
    public async Task A_model_whose_embeddings_are_not_unit_length_fails_the_probe()
    {
        using var host = new ModelHost<FaceModel>("face");
        await host.TrySwapAsync(FaceExportTests.Export(FaceWeightsFactory.Random(73), "f1"));
        // All-zero embedding weights: every embedding is the zero vector, which is valid ONNX but useless for search.
        var dead = FaceWeightsFactory.Random(74) with { EmbeddingWeight = new float[8 * 8], EmbeddingBias = new float[8] };

        var result = await host.TrySwapAsync(FaceExportTests.Export(dead, "f2"));

        Assert.False(result.Swapped);
        Assert.Equal(ModelSwapStage.Probe, result.FailedStage);
        Assert.Contains("length 0", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("f1", host.ActiveVersion);
    }

    [Fact]
    public async Task The_probe_passes_a_model_of_served_size()
    {
        using var model = FaceExportTests.Load(FaceWeightsFactory.Random(75, FaceWeightsFactory.Served, embedding: 128, identities: 40));

        await FaceModelProbe.CheckAsync(model);
    }
}
