using StreamAnalytics.Abstractions.Cameras;

namespace StreamAnalytics.Grains.Cameras;

/// <summary>
/// A camera's running statistics, in memory: counts by outcome, the latest identities, and the frame rate over a
/// sliding window of <see cref="RateWindowSeconds"/> one-second buckets (bounded memory whatever the rate).
/// </summary>
public sealed class CameraStats
{
    /// <summary>The frame-rate window: 10 seconds.</summary>
    public const int RateWindowSeconds = 10;

    /// <summary>Identities kept: 20.</summary>
    public const int RecentCapacity = 20;

    private readonly long[] _bucketCounts = new long[RateWindowSeconds];
    private readonly long[] _bucketSeconds = new long[RateWindowSeconds];
    private readonly LinkedList<RecentIdentity> _recent = new();
    private long _frames;
    private long _identified;
    private long _unknown;
    private long _rejected;
    private DateTimeOffset? _lastFrameAt;

    /// <summary>Counts a frame received at <paramref name="at"/>, before its outcome is known.</summary>
    public void FrameReceived(DateTimeOffset at)
    {
        _frames++;
        _lastFrameAt = _lastFrameAt is { } last && last > at ? last : at;
        var second = at.ToUnixTimeSeconds();
        var slot = (int)(((second % RateWindowSeconds) + RateWindowSeconds) % RateWindowSeconds);
        if (_bucketSeconds[slot] != second)
        {
            _bucketSeconds[slot] = second;
            _bucketCounts[slot] = 0;
        }

        _bucketCounts[slot]++;
    }

    /// <summary>Records a frame identified as <paramref name="identity"/> with <paramref name="score"/>.</summary>
    public void Identified(string identity, float score, DateTimeOffset at)
    {
        _identified++;
        _recent.AddFirst(new RecentIdentity(identity, score, at));
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveLast();
        }
    }

    /// <summary>Records a frame of nobody enrolled.</summary>
    public void Unknown() => _unknown++;

    /// <summary>Records a frame that was refused (undecodable or overload).</summary>
    public void Rejected() => _rejected++;

    /// <summary>The statistics as of <paramref name="now"/>.</summary>
    public CameraStatsView Snapshot(DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds();
        long inWindow = 0;
        for (var i = 0; i < RateWindowSeconds; i++)
        {
            // Buckets of the last RateWindowSeconds seconds, the current one included.
            if (_bucketSeconds[i] > current - RateWindowSeconds && _bucketSeconds[i] <= current)
            {
                inWindow += _bucketCounts[i];
            }
        }

        return new CameraStatsView(_frames, _identified, _unknown, _rejected, (double)inWindow / RateWindowSeconds, [.. _recent], _lastFrameAt);
    }
}
