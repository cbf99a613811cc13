namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// Hears what a batcher does, to record it (see <see cref="InferenceBatcherInstruments"/>). Called on the batcher's
/// threads (refusals on the submitter's), possibly concurrently: implementations must be quick and thread-safe. An
/// observer that throws is ignored, not fatal.
/// </summary>
public interface IInferenceBatcherObserver
{
    /// <summary>An item left the queue for a batch after waiting <paramref name="queueDelay"/> (from its submit to
    /// its batch being formed).</summary>
    void OnItemDequeued(TimeSpan queueDelay);

    /// <summary>A batch of <paramref name="size"/> items ran for <paramref name="duration"/>; <paramref name="failure"/> is
    /// what it threw, or null.</summary>
    void OnBatchCompleted(int size, TimeSpan duration, Exception? failure);

    /// <summary>A submit was refused because the queue was full.</summary>
    void OnRejected();
}
