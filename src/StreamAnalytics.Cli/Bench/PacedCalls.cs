using System.Collections.Concurrent;
using System.Diagnostics;

namespace StreamAnalytics.Cli.Bench;

/// <summary>One timed call of a paced load: when it started, how long it took, and what answered it.</summary>
/// <param name="Started">Its start, in <see cref="Stopwatch"/> ticks.</param>
/// <param name="Duration">Its duration, in <see cref="Stopwatch"/> ticks.</param>
/// <param name="Version">The model version the answer was tagged with; null when the call failed.</param>
/// <param name="Failure">Why it failed; null when it succeeded.</param>
internal readonly record struct CallSample(long Started, long Duration, string? Version, string? Failure);

/// <summary>
/// A steady offered load: <c>loops</c> callers, each starting a call every <c>loops / rate</c> seconds on a fixed
/// schedule (a call that overruns its slot delays only that loop's next call; missed slots are skipped, not burst),
/// recording every call until stopped. Unlike a closed loop at full speed, latency then measures the service, not the
/// queue the benchmark builds in front of it.
/// </summary>
internal sealed class PacedCalls
{
    private readonly ConcurrentQueue<CallSample> _samples = new();

    /// <summary>Every call made so far.</summary>
    public IReadOnlyCollection<CallSample> Samples => _samples;

    /// <summary>Runs the loops until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="loops">Concurrent callers.</param>
    /// <param name="ratePerSecond">Calls per second over all loops.</param>
    /// <param name="call">One call: the loop's index and the call's sequence number in that loop; returns the answer's
    /// model version, or throws.</param>
    /// <param name="stop">Ends the load; calls in flight finish and are recorded.</param>
    public Task RunAsync(int loops, double ratePerSecond, Func<int, long, Task<string>> call, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(loops / ratePerSecond);
        return Task.WhenAll(Enumerable.Range(0, loops).Select(loop => Task.Run(async () =>
        {
            // Loops start spread over one interval, so the load is even rather than in waves.
            var next = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency * loop / loops);
            var step = (long)(interval.TotalSeconds * Stopwatch.Frequency);
            for (long sequence = 0; !stop.IsCancellationRequested; sequence++)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    var version = await call(loop, sequence);
                    _samples.Enqueue(new CallSample(started, Stopwatch.GetTimestamp() - started, version, null));
                }
                catch (Exception e)
                {
                    _samples.Enqueue(new CallSample(started, Stopwatch.GetTimestamp() - started, null, e.Message));
                }

                next += step;
                var now = Stopwatch.GetTimestamp();
                if (next < now)
                {
                    next += (now - next) / step * step;
                }
            }
        })));
    }
}
