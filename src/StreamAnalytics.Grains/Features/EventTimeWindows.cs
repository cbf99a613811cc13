using StreamAnalytics.Abstractions.Features;

namespace StreamAnalytics.Grains.Features;

/// <summary>
/// Event counts over the last hour and the last day of <em>event time</em>, measured back from the latest event
/// this entity has seen (not from the wall clock, so a replay gives the same answers). Memory is fixed: a ring of
/// 60 minute buckets and a ring of 24 hour buckets. The hour window is the latest event's minute and the 59 before
/// it; the day window is its hour and the 23 before it (so 59–60 minutes and 23–24 hours long). An event older than
/// a window when it arrives is not counted in that window (entity totals are counted elsewhere); an event newer than
/// every other moves the windows forward, and buckets that fall out are reused.
/// </summary>
[GenerateSerializer]
public sealed class EventTimeWindows
{
    /// <summary>Minute buckets in the hour window: 60.</summary>
    public const int MinuteBuckets = 60;

    /// <summary>Hour buckets in the day window: 24.</summary>
    public const int HourBuckets = 24;

    [Id(0)]
    private readonly long[] _minuteKeys = NewKeys(MinuteBuckets);

    [Id(1)]
    private readonly long[] _minuteCounts = new long[MinuteBuckets];

    [Id(2)]
    private readonly long[] _hourKeys = NewKeys(HourBuckets);

    [Id(3)]
    private readonly long[] _hourCounts = new long[HourBuckets];

    /// <summary>The latest event time seen, or null before the first event.</summary>
    [Id(4)]
    public DateTimeOffset? Latest { get; private set; }

    /// <summary>Events in the hour window ending at <see cref="Latest"/>.</summary>
    public long LastHour => Sum(_minuteKeys, _minuteCounts, LatestKey(TimeSpan.TicksPerMinute), MinuteBuckets);

    /// <summary>Events in the day window ending at <see cref="Latest"/>.</summary>
    public long LastDay => Sum(_hourKeys, _hourCounts, LatestKey(TimeSpan.TicksPerHour), HourBuckets);

    /// <summary>Counts an event that happened at <paramref name="timestamp"/>.</summary>
    /// <returns>Whether it fell in at least one window (false for an event more than a day older than <see cref="Latest"/>).</returns>
    public bool Add(DateTimeOffset timestamp)
    {
        if (Latest is not { } latest || timestamp > latest)
        {
            Latest = timestamp;
        }

        var inHour = Bump(_minuteKeys, _minuteCounts, timestamp.UtcTicks / TimeSpan.TicksPerMinute, LatestKey(TimeSpan.TicksPerMinute));
        var inDay = Bump(_hourKeys, _hourCounts, timestamp.UtcTicks / TimeSpan.TicksPerHour, LatestKey(TimeSpan.TicksPerHour));
        return inHour || inDay;
    }

    /// <summary>Both window counts.</summary>
    public WindowCountsView ToView() => new(LastHour, LastDay);

    private long LatestKey(long ticksPerBucket) => Latest is { } latest ? latest.UtcTicks / ticksPerBucket : long.MinValue;

    private static bool Bump(long[] keys, long[] counts, long key, long latestKey)
    {
        if (key <= latestKey - keys.Length)
        {
            return false;
        }

        // A slot holds either this key or an older one that has left the window (keys in the window are distinct mod length).
        var slot = (int)(key % keys.Length);
        if (keys[slot] != key)
        {
            keys[slot] = key;
            counts[slot] = 0;
        }

        counts[slot]++;
        return true;
    }

    private static long Sum(long[] keys, long[] counts, long latestKey, int length)
    {
        if (latestKey == long.MinValue)
        {
            return 0;
        }

        long total = 0;
        for (var i = 0; i < length; i++)
        {
            if (keys[i] > latestKey - length && keys[i] <= latestKey)
            {
                total += counts[i];
            }
        }

        return total;
    }

    private static long[] NewKeys(int length)
    {
        var keys = new long[length];
        Array.Fill(keys, -1);
        return keys;
    }
}
