using System.Diagnostics;
using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

/// <summary>When a batch runs: at MaxBatchSize, or when its oldest item has waited MaxQueueDelay. Timing assertions
/// are orderings and generous upper bounds only: the machine is shared.</summary>
public sealed class BatchFlushTests
{
    [Fact]
    public async Task A_full_batch_is_flushed_without_waiting_for_the_delay()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 4, MaxQueueDelay = TimeSpan.FromSeconds(30) });

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => batcher.SubmitAsync(i)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal([3, 5, 7, 9], results);
        Assert.Equal([[1, 2, 3, 4]], handler.Batches);
    }

    [Fact]
    public async Task A_lone_item_runs_after_the_delay_and_not_much_later()
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 32, MaxQueueDelay = delay });

        var watch = Stopwatch.StartNew();
        var result = await batcher.SubmitAsync(7);
        var elapsed = watch.Elapsed;

        Assert.Equal(15, result);
        Assert.True(elapsed >= delay - TimeSpan.FromMilliseconds(1), $"ran after {elapsed.TotalMilliseconds} ms, before the delay");
        Assert.True(elapsed < delay + TimeSpan.FromSeconds(2), $"ran after {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Items_queued_while_a_batch_runs_form_the_next_batch_in_submit_order()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 3, MaxQueueDelay = TimeSpan.FromSeconds(30) });
        handler.Hold();

        var first = Enumerable.Range(1, 3).Select(i => batcher.SubmitAsync(i)).ToList();
        await handler.BatchStartedAsync();
        var rest = Enumerable.Range(4, 6).Select(i => batcher.SubmitAsync(i)).ToList();
        handler.Release();
        await Task.WhenAll(first.Concat(rest));

        Assert.Equal([[1, 2, 3], [4, 5, 6], [7, 8, 9]], handler.Batches);
    }

    [Fact]
    public async Task A_batch_never_holds_more_than_the_maximum()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 5, MaxQueueDelay = TimeSpan.FromMilliseconds(1) });

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => batcher.SubmitAsync(i)));

        Assert.All(handler.Batches, batch => Assert.InRange(batch.Length, 1, 5));
        Assert.Equal(Enumerable.Range(0, 200), handler.Batches.SelectMany(batch => batch));
    }
}
