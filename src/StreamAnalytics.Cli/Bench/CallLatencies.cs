using System.Diagnostics;

namespace StreamAnalytics.Cli.Bench;

/// <summary>Per-call latencies of one path of a benchmark, and its calls per second.</summary>
/// <param name="P50Ms">Median call, in milliseconds.</param>
/// <param name="P99Ms">99th percentile call, in milliseconds.</param>
/// <param name="CallsPerSecond">Calls over the whole timed loop's wall time (with one caller, 1 / mean latency).</param>
internal sealed record CallLatencies(double P50Ms, double P99Ms, double CallsPerSecond)
{
    /// <summary>Runs <paramref name="warmup"/> untimed calls, then times <paramref name="calls"/> calls one by one.</summary>
    /// <param name="warmup">Untimed calls first.</param>
    /// <param name="calls">Timed calls.</param>
    /// <param name="call">One call; its argument is the call's index, warm-up calls included.</param>
    public static CallLatencies Time(int warmup, int calls, Action<int> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            call(i);
        }

        var ticks = new long[calls];
        var loop = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call(warmup + i);
            ticks[i] = Stopwatch.GetTimestamp() - started;
        }

        return From(ticks, Stopwatch.GetElapsedTime(loop));
    }

    /// <summary>The asynchronous form of <see cref="Time"/>: each call is awaited before the next starts.</summary>
    public static async Task<CallLatencies> TimeAsync(int warmup, int calls, Func<int, Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var ticks = new long[calls];
        var loop = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(warmup + i);
            ticks[i] = Stopwatch.GetTimestamp() - started;
        }

        return From(ticks, Stopwatch.GetElapsedTime(loop));
    }

    /// <summary>Percentiles of per-call durations (<see cref="Stopwatch"/> ticks) and calls per second over <paramref name="elapsed"/>.</summary>
    public static CallLatencies From(long[] ticks, TimeSpan elapsed)
    {
        var milliseconds = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new CallLatencies(Percentiles.Of(milliseconds, 0.50), Percentiles.Of(milliseconds, 0.99), ticks.Length / elapsed.TotalSeconds);
    }
}
