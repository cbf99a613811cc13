using System.Diagnostics;

namespace StreamAnalytics.Cli.Bench;

/// <summary>Process-wide count of events the benchmark grains received, with the time of the first one.</summary>
internal static class IngestProgress
{
    private static long _count;
    private static long _firstTimestamp;

    public static long Total => Interlocked.Read(ref _count);

    /// <summary>Seconds since the first event was counted.</summary>
    public static double SecondsSinceFirst =>
        _firstTimestamp == 0 ? 0 : Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstTimestamp)).TotalSeconds;

    public static void Count()
    {
        if (Interlocked.Increment(ref _count) == 1)
        {
            Interlocked.Exchange(ref _firstTimestamp, Stopwatch.GetTimestamp());
        }
    }

    public static void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _firstTimestamp, 0);
    }
}
