using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Silo.Models;

/// <summary>
/// Hands a silo's start-up model (a configured file, or one the demo trained) to the cluster's model registry: it is
/// registered (the same bytes twice are one version) and, when the kind has no active version yet, activated; every
/// silo's <c>ModelWatcher</c> then installs it. A kind that already has an active version keeps it: the new bytes wait
/// as a candidate for <c>POST /api/models/{kind}/activate/{version}</c>.
/// </summary>
internal sealed partial class ModelSeeder(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<ModelSeeder> logger)
{
    /// <summary>Completes once the silo runs (grain calls need it).</summary>
    public Task SiloStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="kind"/> has an active version in the registry (then there is nothing to bootstrap).</summary>
    public async Task<bool> HasActiveAsync(string kind, CancellationToken cancellationToken)
    {
        await SiloStartedAsync(cancellationToken);
        return await grains.GetGrain<IModelRegistryGrain>(kind).GetActive() is not null;
    }

    /// <summary>Registers <paramref name="onnx"/> and activates it when nothing is active; returns what the registry holds.</summary>
    public async Task<ModelVersionInfo> SeedAsync(
        string kind, byte[] onnx, IReadOnlyDictionary<string, double> metrics, string source, CancellationToken cancellationToken)
    {
        await SiloStartedAsync(cancellationToken);
        var registry = grains.GetGrain<IModelRegistryGrain>(kind);
        var registered = await registry.Register(onnx, metrics, source);
        if (registered.Status == ModelVersionStatus.Rejected)
        {
            LogRejected(kind, registered.Number, registered.Reason ?? "");
            return registered;
        }

        if (await registry.GetActive() is { } active && active.Number != registered.Number)
        {
            LogKept(kind, registered.Number, active.Number);
            return registered;
        }

        var activated = await registry.Activate(registered.Number) ?? registered;
        LogActivated(kind, activated.Number, activated.Version, source);
        return activated;
    }

    [LoggerMessage(1, LogLevel.Error, "The {Kind} model from start-up was rejected as version {Number}: {Reason}")]
    private partial void LogRejected(string kind, int number, string reason);

    [LoggerMessage(2, LogLevel.Information, "The {Kind} model from start-up is registered as candidate {Number}; version {Active} stays active.")]
    private partial void LogKept(string kind, int number, int active);

    [LoggerMessage(3, LogLevel.Information, "The {Kind} model from start-up ({Source}) is registry version {Number} ({Version}), now active.")]
    private partial void LogActivated(string kind, int number, string version, string source);
}
