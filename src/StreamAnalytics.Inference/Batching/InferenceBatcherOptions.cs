namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// How an <see cref="InferenceBatcher{TInput, TOutput}"/> groups items into batches and how much it queues.
/// </summary>
public sealed class InferenceBatcherOptions
{
    /// <summary>The most items one batch holds; a queue this deep is flushed at once. Defaults to 32.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// The longest the oldest queued item waits for its batch to fill before the batch runs anyway. Defaults to 2 ms.
    /// Waits are timer-based, so a lone item typically runs 1-2 ms after this.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// The most items waiting for a batch (items in running batches not counted); a submit beyond it fails at once
    /// with <see cref="BatcherOverloadedException"/>. At least <see cref="MaxBatchSize"/>. Defaults to 1024.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// The most batches running at once. Batches are formed by one loop either way; above 1, a batch starts on the
    /// thread pool while others still run, which pays off only when the batch function leaves cores idle (a session
    /// with one intra-op thread on a machine with spare cores). Defaults to 1.
    /// </summary>
    public int MaxConcurrentBatches { get; set; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxBatchSize < 1)
        {
            throw new ArgumentException($"{nameof(MaxBatchSize)} must be at least 1 (was {MaxBatchSize}).");
        }

        // Int32.MaxValue ms is the longest timer wait; a negative delay has no meaning.
        if (MaxQueueDelay < TimeSpan.Zero || MaxQueueDelay.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException($"{nameof(MaxQueueDelay)} must be between 0 and {int.MaxValue} ms (was {MaxQueueDelay}).");
        }

        if (QueueCapacity < MaxBatchSize)
        {
            throw new ArgumentException(
                $"{nameof(QueueCapacity)} must be at least {nameof(MaxBatchSize)} ({MaxBatchSize}) (was {QueueCapacity}).");
        }

        if (MaxConcurrentBatches < 1)
        {
            throw new ArgumentException($"{nameof(MaxConcurrentBatches)} must be at least 1 (was {MaxConcurrentBatches}).");
        }
    }
}
