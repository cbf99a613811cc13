using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Silo.Cluster;
using StreamAnalytics.Grains.Training;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// On trainer silos: every <see cref="TrainingOptions.Interval"/> asks each kind's trainer grain to retrain if its data
/// changed (<c>schedule</c> runs skip unchanged data). Workers do not run it.
/// </summary>
internal sealed partial class TrainingScheduler(
    IGrainFactory grains, LocalSiloRoles roles, IOptions<TrainingOptions> options, ILogger<TrainingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!roles.Roles.Contains(SiloRoles.Trainer))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var kind in ModelKinds.All)
            {
                try
                {
                    await grains.GetGrain<IModelTrainerGrain>(kind).Retrain("schedule");
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogScheduleFailed(e, kind);
                }
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Scheduling a {Kind} retraining failed.")]
    private partial void LogScheduleFailed(Exception exception, string kind);
}
