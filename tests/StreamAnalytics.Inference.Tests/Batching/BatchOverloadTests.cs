using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatchOverloadTests
{
    private static readonly InferenceBatcherOptions SmallQueue = new()
    {
        MaxBatchSize = 2,
        QueueCapacity = 4,
        MaxQueueDelay = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task A_submit_to_a_full_queue_fails_at_once_as_overloaded()
    {
        var handler = new RecordingHandler();
        var observer = new RecordingObserver();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, SmallQueue, observer);
        handler.Hold();

        // Two items run (held at the gate), four fill the queue.
        var running = new[] { batcher.SubmitAsync(1), batcher.SubmitAsync(2) };
        await handler.BatchStartedAsync();
        var queued = Enumerable.Range(3, 4).Select(i => batcher.SubmitAsync(i)).ToList();

        var refused = batcher.SubmitAsync(99);

        Assert.True(refused.IsFaulted);
        var error = await Assert.ThrowsAsync<BatcherOverloadedException>(() => refused);
        Assert.Equal(4, error.QueueCapacity);
        Assert.Equal(1, observer.Rejections);
        Assert.Equal(4, batcher.QueueLength);
        Assert.All(running.Concat(queued), task => Assert.False(task.IsCompleted));

        handler.Release();
        var results = await Task.WhenAll(running.Concat(queued));
        Assert.Equal([3, 5, 7, 9, 11, 13], results);
    }

    [Fact]
    public async Task The_batcher_accepts_items_again_once_the_queue_drains()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, SmallQueue);
        handler.Hold();
        var accepted = Enumerable.Range(1, 2).Select(i => batcher.SubmitAsync(i)).ToList();
        await handler.BatchStartedAsync();
        accepted.AddRange(Enumerable.Range(3, 4).Select(i => batcher.SubmitAsync(i)));
        await Assert.ThrowsAsync<BatcherOverloadedException>(() => batcher.SubmitAsync(99));

        handler.Release();
        await Task.WhenAll(accepted);

        Assert.Equal(Expected(42), await batcher.SubmitAsync(42));
        Assert.Equal(0, batcher.QueueLength);
    }

    [Fact]
    public async Task Under_a_flood_the_queue_never_holds_more_than_its_capacity()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, SmallQueue);
        handler.Hold();

        var tasks = Enumerable.Range(0, 10_000).Select(i => batcher.SubmitAsync(i)).ToList();
        var maxQueued = batcher.QueueLength;
        handler.Release();
        await Task.WhenAll(tasks.Select(async task =>
        {
            try
            {
                await task;
            }
            catch (BatcherOverloadedException)
            {
            }
        }));

        Assert.InRange(maxQueued, 0, 4);
        var succeeded = tasks.Count(task => task.IsCompletedSuccessfully);
        Assert.InRange(succeeded, 4, 4 + 2);
        Assert.All(tasks.Where(task => task.IsCompletedSuccessfully).Zip(handler.Batches.SelectMany(b => b)), pair =>
            Assert.Equal(Expected(pair.Second), pair.First.Result));
    }

    private static int Expected(int input) => RecordingHandler.Expected(input);
}
