namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// One submitted item: its input, when it was queued, and the caller's task (this object is the task's source, which
/// saves an allocation per item).
/// </summary>
internal sealed class BatchItem<TInput, TOutput> : TaskCompletionSource<TOutput>
{
    private CancellationTokenRegistration _registration;

    // Continuations run on the thread pool: a caller's code after its await must never run on the batcher's loop.
    public BatchItem(TInput input)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Input = input;
    }

    public TInput Input { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the submit.</summary>
    public long EnqueuedAt { get; set; }

    /// <summary>True once the caller's task has an outcome: a cancelled item still queued is skipped.</summary>
    public bool IsDone => Task.IsCompleted;

    /// <summary>Cancels the caller's task as soon as <paramref name="cancellationToken"/> fires. Call before queueing,
    /// so the registration is visible to whoever completes the item.</summary>
    public void CancelWith(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((BatchItem<TInput, TOutput>)state!).TrySetCanceled(token), this);
        }
    }

    public void Succeed(TOutput output)
    {
        TrySetResult(output);
        StopWatching();
    }

    public void Fail(Exception error)
    {
        TrySetException(error);
        StopWatching();
    }

    // Unregister rather than Dispose: Dispose would wait for a cancellation callback running on another thread.
    public void StopWatching() => _registration.Unregister();
}
