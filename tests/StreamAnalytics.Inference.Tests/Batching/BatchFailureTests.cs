using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatchFailureTests
{
    [Fact]
    public async Task A_failing_batch_faults_only_its_own_items_and_the_loop_goes_on()
    {
        var handler = new RecordingHandler { Poison = 2 };
        var observer = new RecordingObserver();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxBatchSize = 2, MaxQueueDelay = TimeSpan.FromSeconds(30) }, observer);

        var poisoned = new[] { batcher.SubmitAsync(1), batcher.SubmitAsync(2) };
        var failures = await Task.WhenAll(poisoned.Select(task => Assert.ThrowsAsync<PoisonException>(() => task)));
        var healthy = await Task.WhenAll(batcher.SubmitAsync(3), batcher.SubmitAsync(4));

        Assert.Same(failures[0], failures[1]);
        Assert.Equal([7, 9], healthy);
        Assert.Equal([2, 2], observer.Batches.Select(batch => batch.Size));
        Assert.IsType<PoisonException>(observer.Batches.First().Failure);
        Assert.Null(observer.Batches.Last().Failure);
    }

    [Fact]
    public async Task A_handler_that_throws_before_its_first_await_faults_its_batch_too()
    {
        await using var batcher = new InferenceBatcher<int, int>(
            (_, _) => throw new InvalidOperationException("synchronous"), new InferenceBatcherOptions { MaxQueueDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.SubmitAsync(1));
        Assert.Equal("synchronous", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.SubmitAsync(2));
    }

    [Fact]
    public async Task An_observer_that_throws_does_not_stop_inference()
    {
        var handler = new RecordingHandler();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler, new InferenceBatcherOptions { MaxQueueDelay = TimeSpan.Zero }, new ThrowingObserver());

        Assert.Equal(3, await batcher.SubmitAsync(1));
        Assert.Equal(5, await batcher.SubmitAsync(2));
    }

    private sealed class ThrowingObserver : IInferenceBatcherObserver
    {
        public void OnItemDequeued(TimeSpan queueDelay) => throw new InvalidOperationException();

        public void OnBatchCompleted(int size, TimeSpan duration, Exception? failure) => throw new InvalidOperationException();

        public void OnRejected() => throw new InvalidOperationException();
    }
}
