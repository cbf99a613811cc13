namespace StreamAnalytics.Inference.Hosting;

/// <summary>
/// Runs long synchronous work that is not a request (building an ONNX Runtime session, re-embedding a gallery) on a
/// thread of its own instead of the thread pool, at a lower CPU priority than requests.
/// </summary>
/// <remarks>
/// A swap's work takes tens to hundreds of milliseconds of CPU per step. On the pool it holds one of the few threads
/// (about one per core) that requests need, and the requests queued behind it wait until the pool injects another
/// thread; on a thread of its own at nice 10 it still competes for a core, but the OS gives requests most of it. Measured
/// with <c>sa bench swap</c> (docs/benchmarks.md, Swaps).
/// </remarks>
public static class BackgroundWork
{
    /// <summary>Runs <paramref name="work"/> on a dedicated thread at background priority.</summary>
    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Task.Factory.StartNew(
            () =>
            {
                // The thread is this work's alone (LongRunning) and ends with it, so its priority needs no restoring.
                BackgroundThreadPriority.Lower();
                return work();
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>Runs <paramref name="work"/> on a dedicated thread at background priority.</summary>
    public static Task RunAsync(Action work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(
            () =>
            {
                work();
                return true;
            },
            cancellationToken);
    }
}
