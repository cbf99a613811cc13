using System.Diagnostics;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Calls made by many concurrent callers, each a closed loop (the next call starts when its previous one answered), as
/// cameras waiting for each frame's identification do: per-call latencies and calls per second over the whole run.
/// </summary>
internal static class ClosedLoopLatencies
{
    /// <summary>Runs <paramref name="calls"/> calls spread over <paramref name="callers"/> loops, timing each.</summary>
    /// <param name="callers">Concurrent loops.</param>
    /// <param name="calls">Calls in all; each loop takes the next index until they run out.</param>
    /// <param name="call">One call: its caller's index and the call's index.</param>
    public static async Task<CallLatencies> RunAsync(int callers, int calls, Func<int, int, Task> call)
    {
        var ticks = new long[calls];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                var callStarted = Stopwatch.GetTimestamp();
                await call(caller, index);
                ticks[index] = Stopwatch.GetTimestamp() - callStarted;
            }
        })));
        return CallLatencies.From(ticks, Stopwatch.GetElapsedTime(started));
    }
}
