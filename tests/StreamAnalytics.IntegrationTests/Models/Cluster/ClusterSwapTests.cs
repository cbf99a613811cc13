using System.Diagnostics;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.Inference.Tests;
using StreamAnalytics.ModelExport.Faces;
using Xunit.Abstractions;

namespace StreamAnalytics.IntegrationTests.Models.Cluster;

/// <summary>Swaps, rejections and rollbacks as every silo of a cluster sees them (issue 7).</summary>
[Trait("Category", "Integration")]
[Collection(ModelClusterGroup.Name)]
public sealed class ClusterSwapTests(ModelCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Five_consecutive_swaps_of_each_kind_under_load_reach_every_silo_within_5_s_and_fail_no_request()
    {
        var served = new Dictionary<string, HashSet<string>>
        {
            [ModelKinds.Rating] = [(await cluster.Registry(ModelKinds.Rating).GetActive())!.Version],
            [ModelKinds.Face] = [(await cluster.Registry(ModelKinds.Face).GetActive())!.Version],
        };
        // Grains on every worker, so each worker's swaps are exercised by requests, not only polled.
        var (pairs, cameras) = await cluster.ActivateOnWorkersAsync("swap", 8);
        var slowest = TimeSpan.Zero;
        var load = new ServingLoad(cluster.Grains, pairs, cameras, cluster.Frame);
        try
        {
            for (var swap = 1; swap <= 5; swap++)
            {
                foreach (var kind in new[] { ModelKinds.Rating, ModelKinds.Face })
                {
                    var version = $"swap-{kind}-{swap}-{Guid.NewGuid():N}";
                    served[kind].Add(version);
                    await cluster.RegisterAndActivateAsync(kind, kind == ModelKinds.Rating ? ClusterModels.Rating(version) : ClusterModels.Face(version));
                    var took = await cluster.WaitUntilEverySiloServesAsync(kind, version, ModelCluster.SwapBound);
                    slowest = took > slowest ? took : slowest;
                }
            }
        }
        finally
        {
            await load.StopAsync();
        }

        output.WriteLine($"slowest swap to every silo: {slowest.TotalMilliseconds:F0} ms; answers: {load}");
        Assert.True(load.Failures.IsEmpty, load.ToString());
        Assert.All(load.RatingVersions.Keys, version => Assert.Contains(version, served[ModelKinds.Rating]));
        Assert.All(load.FaceVersions.Keys, version => Assert.Contains(version, served[ModelKinds.Face]));
        // Each swapped-in version served for at least a poll interval while the load ran, so answers came from most of them.
        Assert.True(load.RatingVersions.Count >= 5 && load.FaceVersions.Count >= 5, load.ToString());
        Assert.True(slowest <= ModelCluster.SwapBound, $"slowest swap {slowest}");
    }

    [Fact]
    public async Task Corrupt_bytes_and_a_face_model_of_the_wrong_input_shape_are_rejected_and_the_old_versions_keep_serving()
    {
        var rating = (await cluster.Registry(ModelKinds.Rating).GetActive())!;
        var face = (await cluster.Registry(ModelKinds.Face).GetActive())!;

        var corrupt = await cluster.RegisterAsync(ModelKinds.Rating, "this is not ONNX"u8.ToArray());
        var wrongShape = await cluster.RegisterAsync(
            ModelKinds.Face,
            FaceOnnxEdits.WithInputDims(ClusterModels.Face($"wrong-shape-{Guid.NewGuid():N}"), FaceOnnxContract.ImageInput, null, 1, 64, 64));

        Assert.Equal(ModelVersionStatus.Rejected, corrupt.Status);
        Assert.Equal(ModelVersionStatus.Rejected, wrongShape.Status);
        Assert.False(string.IsNullOrEmpty(wrongShape.Reason));
        // Activation refuses them: the active pointer stays where it was.
        Assert.Equal(ModelVersionStatus.Rejected, (await cluster.ActivateAsync(ModelKinds.Rating, corrupt.Number)).Status);
        Assert.Equal(ModelVersionStatus.Rejected, (await cluster.ActivateAsync(ModelKinds.Face, wrongShape.Number)).Status);
        Assert.Equal(rating.Number, (await cluster.Registry(ModelKinds.Rating).GetActive())!.Number);
        Assert.Equal(face.Number, (await cluster.Registry(ModelKinds.Face).GetActive())!.Number);
        await cluster.AssertEverySiloKeepsServingAsync(TimeSpan.FromSeconds(2.5), (ModelKinds.Rating, rating.Version), (ModelKinds.Face, face.Version));
    }

    [Fact]
    public async Task A_version_the_silos_cannot_load_is_reported_and_the_previous_version_keeps_serving_on_every_silo()
    {
        var previous = (await cluster.Registry(ModelKinds.Rating).GetActive())!;
        var damaged = await cluster.RegisterAsync(ModelKinds.Rating, ClusterModels.Rating($"damaged-{Guid.NewGuid():N}"));
        Assert.Equal(ModelVersionStatus.Candidate, damaged.Status);
        // The stored bytes change after validation (a storage fault): every silo's SHA-256 check refuses the download.
        await cluster.Grains.GetGrain<IModelBlobGrain>($"{ModelKinds.Rating}/{damaged.Number}").Write(ClusterModels.Rating($"other-{Guid.NewGuid():N}"));
        var load = new ServingLoad(cluster.Grains, [("damaged-user", "damaged-product")], ["damaged-camera"], cluster.Frame, callers: 2);
        try
        {
            Assert.Equal(ModelVersionStatus.Active, (await cluster.ActivateAsync(ModelKinds.Rating, damaged.Number)).Status);

            var clock = Stopwatch.StartNew();
            ModelVersionInfo reported;
            while ((reported = (await cluster.Registry(ModelKinds.Rating).List()).Single(v => v.Number == damaged.Number)).Reason is null)
            {
                Assert.True(clock.Elapsed < ModelCluster.SwapBound, "no silo reported the failed install");
                await Task.Delay(50);
            }

            Assert.Contains("SHA-256", reported.Reason, StringComparison.Ordinal);
            await cluster.AssertEverySiloKeepsServingAsync(TimeSpan.FromSeconds(2.5), (ModelKinds.Rating, previous.Version));
        }
        finally
        {
            await load.StopAsync();
            // Back to a version the silos can load, for the tests that follow.
            await cluster.ActivateAsync(ModelKinds.Rating, previous.Number);
        }

        Assert.True(load.Failures.IsEmpty, load.ToString());
        Assert.Equal(new[] { previous.Version }, load.RatingVersions.Keys);
    }

    [Fact]
    public async Task Rolling_back_to_an_earlier_version_reaches_every_silo_within_5_s()
    {
        foreach (var kind in new[] { ModelKinds.Rating, ModelKinds.Face })
        {
            byte[] Model(string version) => kind == ModelKinds.Rating ? ClusterModels.Rating(version) : ClusterModels.Face(version);
            var earlier = await cluster.RegisterAndActivateAsync(kind, Model($"rollback-earlier-{kind}-{Guid.NewGuid():N}"));
            await cluster.WaitUntilEverySiloServesAsync(kind, earlier.Version, ModelCluster.SwapBound);
            var later = await cluster.RegisterAndActivateAsync(kind, Model($"rollback-later-{kind}-{Guid.NewGuid():N}"));
            await cluster.WaitUntilEverySiloServesAsync(kind, later.Version, ModelCluster.SwapBound);

            var rolledBack = await cluster.ActivateAsync(kind, earlier.Number);

            Assert.Equal(ModelVersionStatus.Active, rolledBack.Status);
            await cluster.WaitUntilEverySiloServesAsync(kind, earlier.Version, ModelCluster.SwapBound);
            Assert.Equal(ModelVersionStatus.Retired, (await cluster.Registry(kind).List()).Single(v => v.Number == later.Number).Status);
        }
    }
}
