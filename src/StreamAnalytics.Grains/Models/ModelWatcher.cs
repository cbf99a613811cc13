using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Grains.Models;

/// <summary>
/// Keeps this silo on each kind's active registry version: when a registry announces an activation (it is this silo's
/// <see cref="IModelActivationObserver"/>, subscribed to every registry and renewed as it polls) and in any case every
/// <see cref="ModelWatcherOptions.PollInterval"/>, it asks each <see cref="IModelRegistryGrain"/> for the active
/// version and, when this silo serves another, downloads the
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
    ILogger<ModelWatcher> logger) : BackgroundService, IModelActivationObserver
{
    // Renewed well within IModelRegistryGrain.ObserverLifetime, so a registry that moved learns of this silo again soon.
    private static readonly TimeSpan RenewSubscriptionsEvery = TimeSpan.FromSeconds(20);

    private readonly Dictionary<(string Kind, int Number), DateTimeOffset> _failedAt = [];

    // An activation wakes the poll loop at once; one pending wake is enough, as a poll looks at every kind.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // Never deleted: it lives as long as the silo's client, and the registries let an unrenewed subscription lapse.
    private IModelActivationObserver? _self;
    private DateTimeOffset _subscribedAt = DateTimeOffset.MinValue;
    private bool _pollFailing;

    /// <summary>Called by a registry when a version becomes active: polls now instead of at the next interval.</summary>
    public Task Activated(string kind, int number)
    {
        var jitter = options.Value.NoticeJitter;
        if (jitter <= TimeSpan.Zero)
        {
            _wake.Writer.TryWrite(true);
        }
        else
        {
            _ = WakeAfterAsync(TimeSpan.FromTicks(Random.Shared.NextInt64(jitter.Ticks)));
        }

        return Task.CompletedTask;
    }

    /// <summary>Polls every kind once now (what the loop does on each interval and each notice).</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await RenewSubscriptionsAsync();
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
        while (!stoppingToken.IsCancellationRequested)
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

            await WaitForNextPollAsync(stoppingToken);
        }
    }

    // The jittered wake of a notice (Models:NoticeJitter).
    private async Task WakeAfterAsync(TimeSpan delay)
    {
        await Task.Delay(delay, clock);
        _wake.Writer.TryWrite(true);
    }

    // Until the poll interval has passed or a registry announced an activation, whichever comes first.
    private async Task WaitForNextPollAsync(CancellationToken stoppingToken)
    {
        using var interval = new CancellationTokenSource(options.Value.PollInterval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The interval passed: time for the regular poll.
        }
    }

    private async Task RenewSubscriptionsAsync()
    {
        if (clock.GetUtcNow() - _subscribedAt < RenewSubscriptionsEvery)
        {
            return;
        }

        _self ??= grains.CreateObjectReference<IModelActivationObserver>(this);
        foreach (var kind in ModelKinds.All)
        {
            if (services.GetKeyedService<IModelInstaller>(kind) is not null)
            {
                await grains.GetGrain<IModelRegistryGrain>(kind).Subscribe(_self);
            }
        }

        _subscribedAt = clock.GetUtcNow();
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
