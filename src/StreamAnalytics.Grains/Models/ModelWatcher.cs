using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Grains.Models;

/// <summary>
/// Keeps this silo on each kind's active registry version: every <see cref="ModelWatcherOptions.PollInterval"/> it asks
/// each <see cref="IModelRegistryGrain"/> for the active version and, when this silo serves another, downloads the
/// bytes, checks their SHA-256 and installs them off the request path (<see cref="IModelInstaller"/>). A failure
/// leaves the old version serving, is reported to the registry (its version's reason) and logged, and that version
/// is retried only after <see cref="ModelWatcherOptions.RetryFailedAfter"/>. A silo that starts late catches up on its
/// first poll.
/// </summary>
public sealed partial class ModelWatcher(
    IGrainFactory grains,
    IServiceProvider services,
    ILocalSiloDetails silo,
    IOptions<ModelWatcherOptions> options,
    TimeProvider clock,
    ModelInstruments instruments,
    ILogger<ModelWatcher> logger) : BackgroundService
{
    private readonly Dictionary<(string Kind, int Number), DateTimeOffset> _failedAt = [];
    private bool _pollFailing;

    /// <summary>Polls every kind once now (also what the timer does).</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in ModelKinds.All)
        {
            if (services.GetKeyedService<IModelInstaller>(kind) is not { } installer)
            {
                continue;
            }

            var registry = grains.GetGrain<IModelRegistryGrain>(kind);
            if (await registry.GetActive() is not { } active || active.Version == installer.ActiveVersion)
            {
                continue;
            }

            if (_failedAt.TryGetValue((kind, active.Number), out var failed) && clock.GetUtcNow() - failed < options.Value.RetryFailedAfter)
            {
                continue;
            }

            var reason = await InstallAsync(registry, installer, active, cancellationToken);
            instruments.Swap(kind, swapped: reason is null);
            if (reason is null)
            {
                _failedAt.Remove((kind, active.Number));
                LogInstalled(kind, active.Number, active.Version);
                continue;
            }

            _failedAt[(kind, active.Number)] = clock.GetUtcNow();
            LogInstallFailed(kind, active.Number, reason);
            await registry.ReportLoadFailure(active.Number, silo.SiloAddress.ToString(), reason);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
                _pollFailing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be joining, or the registry's silo moving: log once, keep polling.
                if (!_pollFailing)
                {
                    _pollFailing = true;
                    LogPollFailed(e);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Null when installed; otherwise why not.</summary>
    private static async Task<string?> InstallAsync(IModelRegistryGrain registry, IModelInstaller installer, ModelVersionInfo active, CancellationToken cancellationToken)
    {
        if (await registry.Download(active.Number) is not { } bytes)
        {
            return "the registry has no bytes for it";
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha != active.Sha256)
        {
            return $"the downloaded bytes' SHA-256 {sha} is not the registered {active.Sha256}";
        }

        var result = await installer.TryInstallAsync(bytes, cancellationToken);
        if (result.Swapped)
        {
            return null;
        }

        return $"{result.FailedStage} failed: {result.Error?.Message}";
    }

    [LoggerMessage(1, LogLevel.Information, "Model {Kind}: installed registry version {Number} ({Version}).")]
    private partial void LogInstalled(string kind, int number, string version);

    [LoggerMessage(2, LogLevel.Warning, "Model {Kind}: registry version {Number} could not be installed ({Reason}); the previous version keeps serving.")]
    private partial void LogInstallFailed(string kind, int number, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Polling the model registry failed; retrying every interval.")]
    private partial void LogPollFailed(Exception exception);
}
