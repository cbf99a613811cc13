using System.Diagnostics;
using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.IntegrationTests.Models.Cluster;

/// <summary>The trainer's quality gate as the whole cluster sees it (issue 7).</summary>
[Trait("Category", "Integration")]
[Collection(ModelClusterGroup.Name)]
public sealed class ClusterTrainingTests(ModelCluster cluster)
{
    [Fact]
    public async Task A_retrained_candidate_no_better_than_the_active_model_is_recorded_rejected_and_no_silo_serves_it()
    {
        var active = (await cluster.Registry(ModelKinds.Face).GetActive())!;
        var trainer = cluster.Grains.GetGrain<IModelTrainerGrain>(ModelKinds.Face);

        var run = await trainer.Retrain("gate test");
        var clock = Stopwatch.StartNew();
        while ((run = await trainer.GetRun()).State == "running")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the retraining did not finish: {run}");
            await Task.Delay(250);
        }

        // The gallery makes the active model identify every held-out face (see ModelCluster.Identities).
        Assert.Equal("rejected", run.State);
        var candidate = (await cluster.Registry(ModelKinds.Face).List()).Single(v => v.Number == run.Version);
        Assert.Equal(ModelVersionStatus.Rejected, candidate.Status);
        Assert.Equal("trainer", candidate.Source);
        Assert.Equal(1.0, candidate.Metrics["activeHeldOutAccuracy"]);
        Assert.Contains("not better", candidate.Reason, StringComparison.Ordinal);
        Assert.Equal(active.Number, (await cluster.Registry(ModelKinds.Face).GetActive())!.Number);
        // Longer than a poll interval: no silo installs it.
        await cluster.AssertEverySiloKeepsServingAsync(TimeSpan.FromSeconds(2.5), (ModelKinds.Face, active.Version));
    }
}
