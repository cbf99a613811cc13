namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// Thrown (as the submit's faulted task) when the batcher's queue is full. The item was not queued; the caller may
/// retry later. Serving answers it as "overloaded" (HTTP 429), not as a server fault.
/// </summary>
public sealed class BatcherOverloadedException : InvalidOperationException
{
    /// <summary>An exception naming the queue's capacity.</summary>
    public BatcherOverloadedException(int queueCapacity)
        : base($"The inference queue is full ({queueCapacity} items waiting); try again later.")
    {
        QueueCapacity = queueCapacity;
    }

    /// <summary>The capacity of the queue that was full.</summary>
    public int QueueCapacity { get; }
}
