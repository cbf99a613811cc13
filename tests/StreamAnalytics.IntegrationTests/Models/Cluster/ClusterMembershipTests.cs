using System.Diagnostics;
using Orleans.TestingHost;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Grains.Training;
using Xunit.Abstractions;

namespace StreamAnalytics.IntegrationTests.Models.Cluster;

/// <summary>Silos joining and dying while models are served and trained (issue 7).</summary>
[Trait("Category", "Integration")]
[Collection(ModelClusterGroup.Name)]
public sealed class ClusterMembershipTests(ModelCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_started_after_a_swap_serves_the_active_versions_within_5_s()
    {
        var rating = await cluster.RegisterAndActivateAsync(ModelKinds.Rating, ClusterModels.Rating($"late-{Guid.NewGuid():N}"));
        var face = await cluster.RegisterAndActivateAsync(ModelKinds.Face, ClusterModels.Face($"late-{Guid.NewGuid():N}"));
        await cluster.WaitUntilEverySiloServesAsync(ModelKinds.Rating, rating.Version, ModelCluster.SwapBound);
        await cluster.WaitUntilEverySiloServesAsync(ModelKinds.Face, face.Version, ModelCluster.SwapBound);

        var late = await cluster.StartSiloAsync(SiloRoles.Worker);
        var clock = Stopwatch.StartNew();

        Assert.Equal([SiloRoles.Worker], ModelCluster.Roles(late));
        while (ModelCluster.ServedVersion(late, ModelKinds.Rating) != rating.Version || ModelCluster.ServedVersion(late, ModelKinds.Face) != face.Version)
        {
            Assert.True(
                clock.Elapsed < ModelCluster.SwapBound,
                $"the late worker serves rating {ModelCluster.ServedVersion(late, ModelKinds.Rating)}, face {ModelCluster.ServedVersion(late, ModelKinds.Face)}");
            await Task.Delay(20);
        }

        output.WriteLine($"the late worker served both active versions {clock.ElapsedMilliseconds} ms after it started");
    }

    [Fact]
    public async Task Killing_the_trainer_mid_training_leaves_the_workers_serving_and_the_next_trainer_retrains()
    {
        var trainer = Assert.Single(cluster.Trainers);
        Assert.DoesNotContain(SiloRoles.Worker, ModelCluster.Roles(trainer));
        // The load's grains are activated on workers from the start, so the kill tests the models, not placement.
        var (pairs, cameras) = await cluster.ActivateOnWorkersAsync("kill", 8);
        var trainerGrain = cluster.Grains.GetGrain<IModelTrainerGrain>(ModelKinds.Face);

        var started = await trainerGrain.Retrain("multi-silo test");
        Assert.Equal("running", started.State);
        Assert.Equal(trainer.SiloAddress.ToString(), started.TrainerSilo);
        var load = new ServingLoad(cluster.Grains, pairs, cameras, cluster.Frame, callers: 2);
        TrainingRun run;
        SiloHandle next;
        try
        {
            await cluster.KillSiloAsync(trainer);
            // Serving goes on with no trainer at all, while the others find out the trainer is dead.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Empty(cluster.Trainers);
            next = await cluster.StartSiloAsync(SiloRoles.Trainer);
            run = await RetrainOnAsync(trainerGrain, next, TimeSpan.FromSeconds(60));
            var clock = Stopwatch.StartNew();
            while ((run = await trainerGrain.GetRun()).State == "running")
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the retraining on the next trainer did not finish: {run}");
                await Task.Delay(250);
            }
        }
        finally
        {
            await load.StopAsync();
        }

        output.WriteLine($"answers while the trainer died and the next one retrained: {load}; run: {run}");
        Assert.True(load.Failures.IsEmpty, load.ToString());
        Assert.True(load.RatingVersions.Values.Sum() > 20 && load.FaceVersions.Values.Sum() > 20, load.ToString());
        Assert.Equal(next.SiloAddress.ToString(), run.TrainerSilo);
        Assert.True(run.State is "promoted" or "rejected", run.ToString());
        var candidate = (await cluster.Registry(ModelKinds.Face).List()).Single(v => v.Number == run.Version);
        Assert.Equal("trainer", candidate.Source);
        var active = (await cluster.Registry(ModelKinds.Face).GetActive())!;
        if (run.State == "promoted")
        {
            Assert.Equal(candidate.Number, active.Number);
            await cluster.WaitUntilEverySiloServesAsync(ModelKinds.Face, candidate.Version, ModelCluster.SwapBound);
        }
        else
        {
            // A candidate no better than the active model is recorded, never activated: the old version keeps serving.
            Assert.Equal(ModelVersionStatus.Rejected, candidate.Status);
            Assert.NotEqual(candidate.Number, active.Number);
            await cluster.WaitUntilEverySiloServesAsync(ModelKinds.Face, active.Version, ModelCluster.SwapBound);
        }
    }

    /// <summary>Asks for a retraining until the trainer grain answers from <paramref name="trainer"/> (its old
    /// activation died with the killed silo, and placement sees the new silo once membership and metadata caught up).</summary>
    private static async Task<TrainingRun> RetrainOnAsync(IModelTrainerGrain grain, SiloHandle trainer, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var last = "nothing";
        while (true)
        {
            try
            {
                var run = await grain.Retrain("after the trainer died");
                if (run.TrainerSilo == trainer.SiloAddress.ToString())
                {
                    return run;
                }

                last = run.ToString();
            }
            catch (Exception e)
            {
                last = $"{e.GetType().Name}: {e.Message}";
            }

            Assert.True(clock.Elapsed < within, $"the trainer grain did not move to {trainer.SiloAddress} within {within.TotalSeconds} s; last: {last}");
            await Task.Delay(250);
        }
    }
}
