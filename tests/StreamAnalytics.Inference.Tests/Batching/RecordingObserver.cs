using System.Collections.Concurrent;
using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

internal sealed class RecordingObserver : IInferenceBatcherObserver
{
    private int _rejections;

    public ConcurrentQueue<TimeSpan> QueueDelays { get; } = new();

    public ConcurrentQueue<(int Size, TimeSpan Duration, Exception? Failure)> Batches { get; } = new();

    public int Rejections => Volatile.Read(ref _rejections);

    public void OnItemDequeued(TimeSpan queueDelay) => QueueDelays.Enqueue(queueDelay);

    public void OnBatchCompleted(int size, TimeSpan duration, Exception? failure) => Batches.Enqueue((size, duration, failure));

    public void OnRejected() => Interlocked.Increment(ref _rejections);
}
