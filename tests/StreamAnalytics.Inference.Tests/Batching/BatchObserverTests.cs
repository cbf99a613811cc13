using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatchObserverTests
{
    [Fact]
    public async Task The_observer_hears_each_batch_size_and_duration_and_each_items_queue_delay()
    {
        var handler = new RecordingHandler();
        var observer = new RecordingObserver();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 3, MaxQueueDelay = TimeSpan.FromSeconds(30) }, observer);
        handler.Hold();
        var first = Enumerable.Range(1, 3).Select(i => batcher.SubmitAsync(i)).ToList();
        await handler.BatchStartedAsync();
        var second = Enumerable.Range(4, 3).Select(i => batcher.SubmitAsync(i)).ToList();
        await Task.Delay(100);

        handler.Release();
        await Task.WhenAll(first.Concat(second));

        Assert.Equal([3, 3], observer.Batches.Select(batch => batch.Size));
        Assert.All(observer.Batches, batch => Assert.True(batch.Duration >= TimeSpan.Zero));
        Assert.Equal(6, observer.QueueDelays.Count);

        // The second batch waited behind the held first one.
        Assert.All(observer.QueueDelays.Skip(3), delay => Assert.True(delay >= TimeSpan.FromMilliseconds(90), $"{delay}"));
    }
}
