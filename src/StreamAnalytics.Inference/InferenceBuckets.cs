using System.Diagnostics.Metrics;

namespace StreamAnalytics.Inference;

/// <summary>Histogram buckets and the <c>batch</c> tag shared by every model's inference instruments, so one
/// instrument name has one shape whichever model records it.</summary>
internal static class InferenceBuckets
{
    /// <summary>Seconds, sub-millisecond at the bottom: a batch-1 prediction takes tens of microseconds.</summary>
    public static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    };

    /// <summary>The <c>batch</c> tag of <c>sa.inference.duration</c>: 1, 2-8, 9-32 or 33+.</summary>
    public static string BatchBucket(int count) => count switch
    {
        <= 1 => "1",
        <= 8 => "2-8",
        <= 32 => "9-32",
        _ => "33+",
    };
}
