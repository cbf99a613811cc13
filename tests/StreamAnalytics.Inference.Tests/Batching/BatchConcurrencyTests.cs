using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatchConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Every_caller_gets_the_output_of_its_own_input_under_concurrency(int maxConcurrentBatches)
    {
        var handler = new RecordingHandler();
        var observer = new RecordingObserver();
        await using var batcher = new InferenceBatcher<int, int>(
            handler.Handler,
            new InferenceBatcherOptions { QueueCapacity = 20_000, MaxConcurrentBatches = maxConcurrentBatches },
            observer);

        // 8 submitters × 1,250 items, each awaiting in windows of 50 so batches mix submitters.
        var submitters = Enumerable.Range(0, 8).Select(submitter => Task.Run(async () =>
        {
            var mismatches = 0;
            for (var start = 0; start < 1_250; start += 50)
            {
                var inputs = Enumerable.Range(start, 50).Select(i => (submitter * 1_250) + i).ToArray();
                var outputs = await Task.WhenAll(inputs.Select(input => batcher.SubmitAsync(input)));
                mismatches += inputs.Where((input, i) => outputs[i] != RecordingHandler.Expected(input)).Count();
            }

            return mismatches;
        })).ToList();

        Assert.Equal(new int[8], await Task.WhenAll(submitters));
        var ran = handler.Batches.SelectMany(batch => batch).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 10_000), ran);
        Assert.All(handler.Batches, batch => Assert.InRange(batch.Length, 1, 32));
        Assert.Equal(10_000, observer.QueueDelays.Count);
        Assert.Equal(10_000, observer.Batches.Sum(batch => batch.Size));
    }

    [Fact]
    public async Task Batches_run_in_parallel_up_to_the_configured_limit()
    {
        var running = 0;
        var peak = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var batcher = new InferenceBatcher<int, int>(
            async (inputs, outputs) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                if (now >= 2)
                {
                    twoRunning.TrySetResult();
                }

                await Task.WhenAny(twoRunning.Task, Task.Delay(TimeSpan.FromSeconds(10)));
                Interlocked.Decrement(ref running);
            },
            new InferenceBatcherOptions { MaxBatchSize = 1, MaxQueueDelay = TimeSpan.Zero, MaxConcurrentBatches = 2 });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => batcher.SubmitAsync(i)));

        Assert.True(twoRunning.Task.IsCompleted, "two batches never ran at once");
        Assert.Equal(2, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
