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

    /// <summary>
    /// Seeds the model in the file at <paramref name="path"/> (see <see cref="SeedAsync"/>); null when the file cannot be
    /// read, which is logged and leaves the kind without a start-up model.
    /// </summary>
    public async Task<ModelVersionInfo?> SeedFileAsync(string kind, string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogFileUnreadable(e, kind, path);
            return null;
        }

        var registered = await SeedAsync(kind, bytes, new Dictionary<string, double>(), "file", cancellationToken);
        LogFileSeeded(kind, registered.Version, path);
        return registered;
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

    [LoggerMessage(4, LogLevel.Error, "The {Kind} model file {Path} cannot be read; no {Kind} model is served from it.")]
    private partial void LogFileUnreadable(Exception exception, string kind, string path);

    [LoggerMessage(5, LogLevel.Information, "The {Kind} model {Version} from {Path} was handed to the registry.")]
    private partial void LogFileSeeded(string kind, string version, string path);
}
