using System.Diagnostics;
using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatchDisposeTests
{
    [Fact]
    public async Task Dispose_runs_queued_items_at_once_instead_of_waiting_for_the_delay()
    {
        var handler = new RecordingHandler();
        var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 32, MaxQueueDelay = TimeSpan.FromSeconds(30) });
        var pending = Enumerable.Range(1, 3).Select(i => batcher.SubmitAsync(i)).ToList();

        var watch = Stopwatch.StartNew();
        await batcher.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.All(pending, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal([3, 5, 7], pending.Select(task => task.Result));
    }

    [Fact]
    public async Task Dispose_waits_for_the_running_batch_and_drains_the_queue()
    {
        var handler = new RecordingHandler();
        var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 2, MaxQueueDelay = TimeSpan.FromMilliseconds(1) });
        handler.Hold();
        var pending = new List<Task<int>> { batcher.SubmitAsync(1) };
        await handler.BatchStartedAsync();
        pending.AddRange(Enumerable.Range(2, 5).Select(i => batcher.SubmitAsync(i)));

        var disposing = batcher.DisposeAsync().AsTask();
        await Task.Delay(50);
        Assert.False(disposing.IsCompleted);
        handler.Release();
        await disposing;

        Assert.Equal([3, 5, 7, 9, 11, 13], pending.Select(task => task.Result));
        Assert.Equal([[1], [2, 3], [4, 5], [6]], handler.Batches);
    }

    [Fact]
    public async Task A_submit_after_dispose_fails_as_disposed()
    {
        var batcher = new InferenceBatcher<int, int>(new RecordingHandler().Handler, new InferenceBatcherOptions());
        await batcher.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.SubmitAsync(1));
    }

    [Fact]
    public async Task Dispose_can_be_called_twice()
    {
        var batcher = new InferenceBatcher<int, int>(new RecordingHandler().Handler, new InferenceBatcherOptions());
        var first = batcher.SubmitAsync(1);

        await batcher.DisposeAsync();
        await batcher.DisposeAsync();

        Assert.Equal(3, await first);
    }
}
