using StreamAnalytics.Grains.Cameras;

namespace StreamAnalytics.Grains.Tests.Cameras;

public sealed class CameraStatsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Outcomes_are_counted_separately_from_frames_received()
    {
        var stats = new CameraStats();
        for (var i = 0; i < 5; i++)
        {
            stats.FrameReceived(Start);
        }

        stats.Identified("s1", 0.9f, Start);
        stats.Identified("s2", 0.8f, Start);
        stats.Unknown();
        stats.Rejected();

        var view = stats.Snapshot(Start);
        Assert.Equal((5, 2, 1, 1), (view.Frames, view.Identified, view.Unknown, view.Rejected));
        Assert.Equal(Start, view.LastFrameAt);
    }

    [Fact]
    public void The_frame_rate_counts_only_the_last_ten_seconds()
    {
        var stats = new CameraStats();
        for (var second = 0; second < 30; second++)
        {
            for (var frame = 0; frame < 4; frame++)
            {
                stats.FrameReceived(Start.AddSeconds(second));
            }
        }

        Assert.Equal(4.0, stats.Snapshot(Start.AddSeconds(29)).FramesPerSecond);
        Assert.Equal(2.0, stats.Snapshot(Start.AddSeconds(34)).FramesPerSecond);
        Assert.Equal(0.0, stats.Snapshot(Start.AddSeconds(60)).FramesPerSecond);
    }

    [Fact]
    public void Recent_identities_are_newest_first_and_bounded()
    {
        var stats = new CameraStats();
        for (var i = 0; i < CameraStats.RecentCapacity + 5; i++)
        {
            stats.Identified($"s{i}", 0.9f, Start.AddSeconds(i));
        }

        var recent = stats.Snapshot(Start).RecentIdentities;
        Assert.Equal(CameraStats.RecentCapacity, recent.Count);
        Assert.Equal($"s{CameraStats.RecentCapacity + 4}", recent[0].Identity);
        Assert.Equal("s5", recent[^1].Identity);
    }
}
