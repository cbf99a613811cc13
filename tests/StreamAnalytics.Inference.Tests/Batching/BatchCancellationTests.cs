using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatchCancellationTests
{
    private static readonly InferenceBatcherOptions Options = new() { MaxBatchSize = 4, MaxQueueDelay = TimeSpan.FromMilliseconds(1) };

    [Fact]
    public async Task A_cancelled_item_is_skipped_and_its_task_cancelled_while_others_run()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, Options);
        handler.Hold();
        var running = batcher.SubmitAsync(1);
        await handler.BatchStartedAsync();

        using var cancellation = new CancellationTokenSource();
        var before = batcher.SubmitAsync(2);
        var cancelled = batcher.SubmitAsync(3, cancellation.Token);
        var after = batcher.SubmitAsync(4);
        await cancellation.CancelAsync();

        // Cancelled at once, while its batch has not even formed.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(cancelled.IsCanceled);
        Assert.False(running.IsCompleted);

        handler.Release();
        var results = await Task.WhenAll(running, before, after);
        Assert.Equal([3, 5, 9], results);
        Assert.Equal([[1], [2, 4]], handler.Batches);
    }

    [Fact]
    public async Task A_token_cancelled_before_submit_queues_nothing()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, Options);

        var task = batcher.SubmitAsync(1, new CancellationToken(canceled: true));

        Assert.True(task.IsCanceled);
        Assert.Equal(0, batcher.QueueLength);
        Assert.Equal(5, await batcher.SubmitAsync(2));
        Assert.Equal([[2]], handler.Batches);
    }

    [Fact]
    public async Task A_caller_cancelled_while_its_batch_runs_is_cancelled_and_the_rest_of_the_batch_served()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, Options);
        handler.Hold();
        using var cancellation = new CancellationTokenSource();
        var cancelled = batcher.SubmitAsync(1, cancellation.Token);
        var other = batcher.SubmitAsync(2);
        await handler.BatchStartedAsync();

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        handler.Release();

        Assert.Equal(5, await other);
    }

    [Fact]
    public async Task A_batch_of_only_cancelled_items_never_runs()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(handler.Handler, Options);
        handler.Hold();
        var running = batcher.SubmitAsync(1);
        await handler.BatchStartedAsync();
        using var cancellation = new CancellationTokenSource();
        var cancelled = Enumerable.Range(2, 3).Select(i => batcher.SubmitAsync(i, cancellation.Token)).ToList();
        await cancellation.CancelAsync();

        handler.Release();
        await running;
        Assert.Equal(11, await batcher.SubmitAsync(5));

        Assert.All(cancelled, task => Assert.True(task.IsCanceled));
        Assert.Equal([[1], [5]], handler.Batches);
    }
}
