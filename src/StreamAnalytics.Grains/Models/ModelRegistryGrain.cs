using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Grains.Models;

/// <summary>
/// The registry of one model kind (see <see cref="IModelRegistryGrain"/>). Registration validates the bytes with the
/// kind's <see cref="IModelValidator"/> and records even what fails (as rejected, with the reason); activation only
/// moves the pointer to a version that passed, so a bad model never becomes active. Every change is stored before it
/// is acknowledged.
/// </summary>
public sealed partial class ModelRegistryGrain(
    [PersistentState("registry")] IPersistentState<ModelRegistryState> state,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
{
    // In memory only: silos renew their subscriptions well within the lifetime, so a reactivated registry is told again.
    private readonly ObserverManager<IModelActivationObserver> _observers = new(IModelRegistryGrain.ObserverLifetime, logger);

    private string Kind => this.GetPrimaryKeyString();

    private List<ModelVersionInfo> Versions => state.State.Versions;

    public async Task<ModelVersionInfo> Register(byte[] onnx, IReadOnlyDictionary<string, double> metrics, string source)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(metrics);
        var sha = Convert.ToHexStringLower(SHA256.HashData(onnx));
        if (Versions.FirstOrDefault(v => v.Sha256 == sha) is { } known)
        {
            return known;
        }

        var number = Versions.Count + 1;
        string version;
        string? reason = null;
        try
        {
            version = await Validator().ValidateAsync(onnx);
            if (Versions.FirstOrDefault(v => v.Version == version && v.Status != ModelVersionStatus.Rejected) is { } clash)
            {
                reason = $"Its version string '{version}' is already version {clash.Number}'s; answers are tagged by it, so it must be unique.";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            version = $"invalid-{number}";
            reason = e.Message;
        }

        await GrainFactory.GetGrain<IModelBlobGrain>($"{Kind}/{number}").Write(onnx);
        var info = new ModelVersionInfo(
            number, version, clock.GetUtcNow(), new Dictionary<string, double>(metrics), sha, onnx.LongLength,
            reason is null ? ModelVersionStatus.Candidate : ModelVersionStatus.Rejected, reason, source);
        Versions.Add(info);
        await state.WriteStateAsync();
        LogRegistered(Kind, number, version, info.Status, reason ?? "");
        return info;
    }

    public async Task<ModelVersionInfo?> Activate(int number)
    {
        if (Find(number) is not { } target)
        {
            return null;
        }

        if (target.Status == ModelVersionStatus.Rejected || target.Status == ModelVersionStatus.Active)
        {
            return target;
        }

        if (Find(state.State.Active) is { } previous)
        {
            Replace(previous with { Status = ModelVersionStatus.Retired });
        }

        var active = target with { Status = ModelVersionStatus.Active, Reason = null };
        Replace(active);
        state.State.Active = number;
        await state.WriteStateAsync();
        LogActivated(Kind, number, active.Version);
        // One-way calls: a silo that is slow or gone does not hold up activation; its next poll catches it up.
        await _observers.Notify(observer => observer.Activated(Kind, number));
        return active;
    }

    public async Task Reject(int number, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Find(number) is { Status: ModelVersionStatus.Candidate } candidate)
        {
            Replace(candidate with { Status = ModelVersionStatus.Rejected, Reason = reason });
            await state.WriteStateAsync();
        }
    }

    public Task Subscribe(IModelActivationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task<ModelVersionInfo?> GetActive() => Task.FromResult(Find(state.State.Active));

    public Task<IReadOnlyList<ModelVersionInfo>> List() => Task.FromResult<IReadOnlyList<ModelVersionInfo>>([.. Enumerable.Reverse(Versions)]);

    public async Task<byte[]?> Download(int number) =>
        Find(number) is null ? null : await GrainFactory.GetGrain<IModelBlobGrain>($"{Kind}/{number}").Read();

    public async Task ReportLoadFailure(int number, string silo, string reason)
    {
        if (Find(number) is { } version)
        {
            LogLoadFailed(Kind, number, silo, reason);
            Replace(version with { Reason = $"silo {silo}: {reason}" });
            await state.WriteStateAsync();
        }
    }

    private IModelValidator Validator() =>
        services.GetKeyedService<IModelValidator>(Kind) ?? throw new InvalidOperationException($"No validator for model kind '{Kind}'.");

    private ModelVersionInfo? Find(int number) => number >= 1 && number <= Versions.Count ? Versions[number - 1] : null;

    private void Replace(ModelVersionInfo version) => Versions[version.Number - 1] = version;

    [LoggerMessage(1, LogLevel.Information, "Model {Kind}: registered version {Number} ({Version}) as {Status}. {Reason}")]
    private partial void LogRegistered(string kind, int number, string version, ModelVersionStatus status, string reason);

    [LoggerMessage(2, LogLevel.Information, "Model {Kind}: version {Number} ({Version}) is now active.")]
    private partial void LogActivated(string kind, int number, string version);

    [LoggerMessage(3, LogLevel.Warning, "Model {Kind}: silo {Silo} could not load version {Number}: {Reason}")]
    private partial void LogLoadFailed(string kind, int number, string silo, string reason);
}
