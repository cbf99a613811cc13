using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamAnalytics.Inference.Hosting;

/// <summary>
/// Holds the active version of one kind of model and hot-swaps it. A candidate is built and probed on the thread
/// pool (off the request path), then installed with one atomic exchange; the replaced model is disposed when its last
/// lease ends, so in-flight calls finish on the version they started with. A failed build or probe leaves the active
/// model serving. Swaps run one at a time; leases are lock-free.
/// </summary>
/// <remarks>
/// Where the candidate comes from is the caller's business (bytes from a file, or a registry download checked against
/// its sha256 and then built): the host only needs a function that builds one.
/// </remarks>
public sealed partial class ModelHost<TModel> : IDisposable
    where TModel : class, IServedModel
{
    private readonly SemaphoreSlim _swapLock = new(1, 1);
    private readonly ILogger _logger;
    private ModelSlot<TModel>? _active;
    private volatile bool _disposed;

    /// <summary>A host with no model loaded yet.</summary>
    /// <param name="name">The model kind, for logs and the "no model" error (for example <c>rating</c>).</param>
    /// <param name="logger">Where swaps are logged; defaults to none.</param>
    public ModelHost(string name, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The model kind this host serves.</summary>
    public string Name { get; }

    /// <summary>True once a model has been swapped in (and the host is not disposed).</summary>
    public bool HasModel => Volatile.Read(ref _active) is not null;

    /// <summary>The active model's version; null while no model is loaded.</summary>
    public string? ActiveVersion => Volatile.Read(ref _active)?.Model.Version;

    /// <summary>Leases the active model for one call; dispose the lease when the call is done.</summary>
    /// <exception cref="NoModelLoadedException">No model is loaded yet.</exception>
    public ModelLease<TModel> Acquire() =>
        TryAcquire(out var lease) ? lease : throw new NoModelLoadedException(Name);

    /// <summary>Leases the active model, or returns false when none is loaded.</summary>
    public bool TryAcquire([NotNullWhen(true)] out ModelLease<TModel>? lease)
    {
        while (true)
        {
            var slot = Volatile.Read(ref _active);
            if (slot is null)
            {
                lease = null;
                return false;
            }

            // Fails only when this slot was swapped out and its last lease ended between the read and here:
            // the next read sees its successor.
            if (slot.TryAddReference())
            {
                lease = new ModelLease<TModel>(slot);
                return true;
            }
        }
    }

    /// <summary>
    /// Builds a candidate, probes it and, when both succeed, makes it the active model. Never throws for a failed build
    /// or probe: the result says what failed, the failure is logged, and the previous model keeps serving.
    /// </summary>
    /// <param name="build">Builds the candidate; runs on a thread of its own (<see cref="BackgroundWork"/>).</param>
    /// <param name="probe">Checks the built candidate before it goes live (for example: predict a batch and require
    /// finite outputs of the right length) and throws to reject it; starts on a thread of its own. Null skips the probe.</param>
    /// <param name="cancellationToken">Abandons the attempt; a candidate already built is disposed.</param>
    /// <exception cref="OperationCanceledException">The attempt was cancelled; the active model is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The host was disposed.</exception>
    public async Task<ModelSwapResult> TrySwapAsync(
        Func<TModel> build,
        Func<TModel, CancellationToken, ValueTask>? probe = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        await _swapLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await SwapLockedAsync(build, probe, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _swapLock.Release();
        }
    }

    /// <summary>Unloads the active model (disposed when its last lease ends); later swaps throw.</summary>
    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _active, null)?.Release();
    }

    private async Task<ModelSwapResult> SwapLockedAsync(
        Func<TModel> build, Func<TModel, CancellationToken, ValueTask>? probe, CancellationToken cancellationToken)
    {
        var previous = ActiveVersion;
        TModel candidate;
        try
        {
            candidate = await BackgroundWork.RunAsync(build, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The build function returned null.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogBuildFailed(e, Name, previous ?? "none");
            return new ModelSwapResult { Swapped = false, PreviousVersion = previous, FailedStage = ModelSwapStage.Build, Error = e };
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (probe is not null)
            {
                // The probe's synchronous part (a model run) starts off the pool; what it awaits continues wherever.
                await (await BackgroundWork.RunAsync(() => probe(candidate, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            candidate.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogProbeFailed(e, Name, candidate.Version, previous ?? "none");
            return new ModelSwapResult
            {
                Swapped = false, Version = candidate.Version, PreviousVersion = previous, FailedStage = ModelSwapStage.Probe, Error = e,
            };
        }

        Install(candidate);
        LogSwapped(Name, candidate.Version, previous ?? "none");
        return new ModelSwapResult { Swapped = true, Version = candidate.Version, PreviousVersion = previous };
    }

    private void Install(TModel candidate)
    {
        var old = Interlocked.Exchange(ref _active, new ModelSlot<TModel>(candidate));
        old?.Release();

        // A Dispose racing this swap either released the new slot itself or is seen here: never leave a model
        // installed in a disposed host. (Both sides write before they read, through full fences.)
        if (_disposed)
        {
            Interlocked.Exchange(ref _active, null)?.Release();
            throw new ObjectDisposedException(GetType().Name);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Model {Name}: version {Version} is active (was {PreviousVersion}).")]
    private partial void LogSwapped(string name, string version, string previousVersion);

    [LoggerMessage(2, LogLevel.Warning, "Model {Name}: building a candidate failed; version {ActiveVersion} keeps serving.")]
    private partial void LogBuildFailed(Exception exception, string name, string activeVersion);

    [LoggerMessage(3, LogLevel.Warning, "Model {Name}: candidate {Version} failed its probe; version {ActiveVersion} keeps serving.")]
    private partial void LogProbeFailed(Exception exception, string name, string version, string activeVersion);
}
