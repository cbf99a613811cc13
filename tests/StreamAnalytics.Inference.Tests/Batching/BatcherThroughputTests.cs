using System.Diagnostics;
using StreamAnalytics.Inference.Batching;
using Xunit.Abstractions;

namespace StreamAnalytics.Inference.Tests.Batching;

/// <summary>
/// Items per second through the batcher against calling the function once per item, printed and never asserted (the
/// machine is shared). Run with <c>dotnet test -c Release tests/StreamAnalytics.Inference.Tests --filter
/// BatcherThroughputTests --logger "console;verbosity=detailed"</c>; the numbers are in docs/benchmarks.md.
/// </summary>
public sealed class BatcherThroughputTests(ITestOutputHelper output)
{
    private const int Callers = 256;
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Prints_items_per_second_batched_and_per_item()
    {
        // Trivial: the batcher's own cost. Model-like: a busy 50 µs per call plus 2 µs per item, the shape of an ONNX
        // Runtime Run, whose fixed cost dominates at batch 1.
        var functions = new (string Name, TimeSpan PerCall, TimeSpan PerItem)[]
        {
            ("trivial", TimeSpan.Zero, TimeSpan.Zero),
            ("50 µs + 2 µs/item", TimeSpan.FromMicroseconds(50), TimeSpan.FromMicroseconds(2)),
        };

        foreach (var (name, perCall, perItem) in functions)
        {
            var handler = Handler(perCall, perItem);
            var direct = await DirectAsync(handler, Environment.ProcessorCount);
            output.WriteLine($"{name,-18} per item, {Environment.ProcessorCount} threads: {direct,12:N0} items/s");
            foreach (var concurrent in new[] { 1, 2 })
            {
                var options = new InferenceBatcherOptions { MaxBatchSize = 32, MaxConcurrentBatches = concurrent, QueueCapacity = 1024 };
                var (batched, meanBatch) = await BatchedAsync(handler, options);
                output.WriteLine(
                    $"{name,-18} batcher, max batch 32, {concurrent} at once, {Callers} callers: {batched,12:N0} items/s (mean batch {meanBatch:N1})");
            }
        }
    }

    private static InferenceBatchHandler<int, int> Handler(TimeSpan perCall, TimeSpan perItem) => (inputs, outputs) =>
    {
        Spin(perCall + (perItem * inputs.Length));
        var source = inputs.Span;
        var target = outputs.Span;
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i] + 1;
        }

        return default;
    };

    private static async Task<double> DirectAsync(InferenceBatchHandler<int, int> handler, int threads)
    {
        async Task<long> Run(TimeSpan duration)
        {
            var counts = await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
            {
                var input = new int[1];
                var result = new int[1];
                var watch = Stopwatch.StartNew();
                long items = 0;
                while (watch.Elapsed < duration)
                {
                    input[0] = (int)items;
                    await handler(input, result);
                    items++;
                }

                return items;
            })));
            return counts.Sum();
        }

        await Run(Warmup);
        return await Run(Measured) / Measured.TotalSeconds;
    }

    private static async Task<(double ItemsPerSecond, double MeanBatch)> BatchedAsync(
        InferenceBatchHandler<int, int> handler, InferenceBatcherOptions options)
    {
        var observer = new BatchCounter();
        await using var batcher = new InferenceBatcher<int, int>(handler, options, observer);

        async Task<long> Run(TimeSpan duration)
        {
            // Each caller awaits its own item before submitting the next, as a camera grain does.
            var watch = Stopwatch.StartNew();
            var counts = await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
            {
                long items = 0;
                while (watch.Elapsed < duration)
                {
                    await batcher.SubmitAsync(caller);
                    items++;
                }

                return items;
            })));
            return counts.Sum();
        }

        await Run(Warmup);
        observer.Reset();
        var items = await Run(Measured);
        return (items / Measured.TotalSeconds, observer.MeanBatch);
    }

    private static void Spin(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(20);
        }
    }

    /// <summary>Counts batches and their items only: recording every queue delay would cost what it measures.</summary>
    private sealed class BatchCounter : IInferenceBatcherObserver
    {
        private long _batches;
        private long _items;

        public double MeanBatch => Interlocked.Read(ref _items) / (double)Math.Max(1, Interlocked.Read(ref _batches));

        public void Reset()
        {
            Interlocked.Exchange(ref _batches, 0);
            Interlocked.Exchange(ref _items, 0);
        }

        public void OnItemDequeued(TimeSpan queueDelay)
        {
        }

        public void OnBatchCompleted(int size, TimeSpan duration, Exception? failure)
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _items, size);
        }

        public void OnRejected()
        {
        }
    }
}
