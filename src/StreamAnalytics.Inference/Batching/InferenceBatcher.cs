using System.Collections.Concurrent;
using System.Diagnostics;

namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// Groups items submitted concurrently (by every camera grain of a silo) into batches for one model call each. A batch
/// runs as soon as <see cref="InferenceBatcherOptions.MaxBatchSize"/> items are queued, or once the oldest queued item
/// has waited <see cref="InferenceBatcherOptions.MaxQueueDelay"/>, whichever comes first; while every runner is busy
/// the queue grows, so the next batch is fuller (batches adapt to load). The queue is bounded: a submit to a full queue
/// fails at once with <see cref="BatcherOverloadedException"/>, so memory is bounded by
/// <see cref="InferenceBatcherOptions.QueueCapacity"/> plus the items of the running batches.
/// </summary>
/// <remarks>
/// Batches are formed by one loop on the thread pool and run by up to
/// <see cref="InferenceBatcherOptions.MaxConcurrentBatches"/> runners. <see cref="DisposeAsync"/> refuses new items,
/// runs every queued one at once (without waiting for the delay) and completes when the last batch has finished.
/// </remarks>
/// <typeparam name="TInput">One item, e.g. a preprocessed frame.</typeparam>
/// <typeparam name="TOutput">One item's result, e.g. an embedding.</typeparam>
public sealed class InferenceBatcher<TInput, TOutput> : IAsyncDisposable
{
    private readonly InferenceBatchHandler<TInput, TOutput> _handler;
    private readonly IInferenceBatcherObserver? _observer;
    private readonly int _maxBatchSize;
    private readonly int _queueCapacity;
    private readonly int _maxConcurrentBatches;
    private readonly long _maxQueueDelayTicks;

    private readonly Lock _gate = new();
    private readonly Queue<BatchItem<TInput, TOutput>> _queue;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _runners;
    private readonly ConcurrentQueue<BatchBuffers<TInput, TOutput>> _buffers = new();
    private readonly Task _loop;
    private bool _loopWaiting;
    private bool _closed;

    /// <summary>Starts the batcher's loop; <paramref name="options"/> are validated and copied.</summary>
    /// <param name="handler">Runs one batch.</param>
    /// <param name="options">The batching policy and limits.</param>
    /// <param name="observer">Hears batch sizes, queue delays, run durations and refusals; null for none.</param>
    public InferenceBatcher(
        InferenceBatchHandler<TInput, TOutput> handler, InferenceBatcherOptions options, IInferenceBatcherObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _handler = handler;
        _observer = observer;
        _maxBatchSize = options.MaxBatchSize;
        _queueCapacity = options.QueueCapacity;
        _maxConcurrentBatches = options.MaxConcurrentBatches;
        _maxQueueDelayTicks = (long)(options.MaxQueueDelay.TotalSeconds * Stopwatch.Frequency);
        _queue = new Queue<BatchItem<TInput, TOutput>>(Math.Min(_queueCapacity, 4096));
        _runners = new SemaphoreSlim(_maxConcurrentBatches);

        // Task.Run: the loop must not inherit the creator's scheduler (a grain's, for one).
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Items waiting for a batch now (cancelled ones not yet skipped included).</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="input"/> and completes with its own output once its batch has run. Fails with
    /// <see cref="BatcherOverloadedException"/> at once when the queue is full, with the batch function's exception
    /// when its batch fails, and with <see cref="ObjectDisposedException"/> after <see cref="DisposeAsync"/>. Cancelling
    /// <paramref name="cancellationToken"/> cancels the task at once; the item is skipped if its batch has not been
    /// formed yet, and its output discarded if it has.
    /// </summary>
    public Task<TOutput> SubmitAsync(TInput input, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TOutput>(cancellationToken);
        }

        var item = new BatchItem<TInput, TOutput>(input);
        item.CancelWith(cancellationToken);
        bool wake;
        lock (_gate)
        {
            if (_closed || _queue.Count >= _queueCapacity)
            {
                item.StopWatching();
                return _closed ? Task.FromException<TOutput>(Disposed()) : Refuse();
            }

            item.EnqueuedAt = Stopwatch.GetTimestamp();
            _queue.Enqueue(item);

            // The loop waits with an empty queue for the first item, or with a partial batch for its deadline; either
            // way it needs waking only at the first item or a full batch.
            wake = _loopWaiting && (_queue.Count == 1 || _queue.Count >= _maxBatchSize);
            if (wake)
            {
                _loopWaiting = false;
            }
        }

        if (wake)
        {
            _wake.Release();
        }

        return item.Task;
    }

    /// <summary>
    /// Refuses new items, runs every queued item at once and completes when the last batch has finished. A batch
    /// function that never returns keeps this from completing. Calling it again waits for the same drain.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        bool wake;
        lock (_gate)
        {
            _closed = true;
            wake = _loopWaiting;
            _loopWaiting = false;
        }

        if (wake)
        {
            _wake.Release();
        }

        await _loop.ConfigureAwait(false);
    }

    private Task<TOutput> Refuse()
    {
        Observe(static (observer, _) => observer.OnRejected(), TimeSpan.Zero);
        return Task.FromException<TOutput>(new BatcherOverloadedException(_queueCapacity));
    }

    private ObjectDisposedException Disposed() => new(GetType().Name, "The inference batcher is shut down.");

    private async Task LoopAsync()
    {
        while (true)
        {
            // A free runner first, then the batch: while every runner is busy the queue keeps filling.
            await _runners.WaitAsync().ConfigureAwait(false);
            var buffers = _buffers.TryDequeue(out var reused) ? reused : new BatchBuffers<TInput, TOutput>(_maxBatchSize);
            if (!await FormBatchAsync(buffers).ConfigureAwait(false))
            {
                _buffers.Enqueue(buffers);
                _runners.Release();
                break;
            }

            if (_maxConcurrentBatches == 1)
            {
                await RunAsync(buffers).ConfigureAwait(false);
            }
            else
            {
                _ = Task.Run(() => RunAsync(buffers));
            }
        }

        // Drained: wait for the batches still running.
        for (var i = 0; i < _maxConcurrentBatches; i++)
        {
            await _runners.WaitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits until a batch is due and takes it; false once the batcher is closed and the queue empty.</summary>
    private async Task<bool> FormBatchAsync(BatchBuffers<TInput, TOutput> buffers)
    {
        while (true)
        {
            int waitMilliseconds;
            lock (_gate)
            {
                _loopWaiting = false;
                var now = Stopwatch.GetTimestamp();
                if (_queue.Count == 0)
                {
                    if (_closed)
                    {
                        return false;
                    }

                    waitMilliseconds = Timeout.Infinite;
                }
                else
                {
                    var dueIn = _queue.Peek().EnqueuedAt + _maxQueueDelayTicks - now;
                    if (_queue.Count >= _maxBatchSize || dueIn <= 0 || _closed)
                    {
                        Take(buffers, now);
                        if (buffers.Count > 0)
                        {
                            return true;
                        }

                        // Every item taken had been cancelled: look again.
                        continue;
                    }

                    // Rounded up, so the loop never wakes before the deadline and spins.
                    waitMilliseconds = (int)Math.Ceiling(dueIn * 1000.0 / Stopwatch.Frequency);
                }

                _loopWaiting = true;
            }

            await _wake.WaitAsync(waitMilliseconds).ConfigureAwait(false);
        }
    }

    private void Take(BatchBuffers<TInput, TOutput> buffers, long now)
    {
        var count = 0;
        while (count < _maxBatchSize && _queue.TryDequeue(out var item))
        {
            if (!item.IsDone)
            {
                buffers.Items[count] = item;
                buffers.Inputs[count] = item.Input;
                count++;
            }
        }

        buffers.Count = count;
        buffers.FormedAt = now;
    }

    private async Task RunAsync(BatchBuffers<TInput, TOutput> buffers)
    {
        var count = buffers.Count;
        var items = buffers.Items;
        if (_observer is not null)
        {
            for (var i = 0; i < count; i++)
            {
                Observe(static (observer, delay) => observer.OnItemDequeued(delay), Elapsed(items[i].EnqueuedAt, buffers.FormedAt));
            }
        }

        Exception? error = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _handler(buffers.Inputs.AsMemory(0, count), buffers.Outputs.AsMemory(0, count)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Any failure belongs to this batch's callers; the loop goes on with the next batch.
            error = e;
        }

        var duration = Stopwatch.GetElapsedTime(started);
        for (var i = 0; i < count; i++)
        {
            if (error is null)
            {
                items[i].Succeed(buffers.Outputs[i]);
            }
            else
            {
                items[i].Fail(error);
            }
        }

        if (_observer is { } observer)
        {
            try
            {
                observer.OnBatchCompleted(count, duration, error);
            }
            catch (Exception)
            {
                // An observer's fault must not stop inference.
            }
        }

        buffers.Clear();
        _buffers.Enqueue(buffers);
        _runners.Release();
    }

    private void Observe(Action<IInferenceBatcherObserver, TimeSpan> call, TimeSpan value)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            call(_observer, value);
        }
        catch (Exception)
        {
            // An observer's fault must not stop inference.
        }
    }

    private static TimeSpan Elapsed(long from, long to) => TimeSpan.FromSeconds((double)(to - from) / Stopwatch.Frequency);
}
