using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class EventTimeWindowsTests
{
    private static readonly DateTimeOffset T0 = TestEvents.T0;

    [Fact]
    public void Windows_are_empty_before_any_event()
    {
        var windows = new EventTimeWindows();

        Assert.Equal(0, windows.LastHour);
        Assert.Equal(0, windows.LastDay);
        Assert.Null(windows.Latest);
    }

    [Fact]
    public void Recent_events_count_in_both_windows()
    {
        var windows = new EventTimeWindows();

        windows.Add(T0);
        windows.Add(T0.AddMinutes(10));
        windows.Add(T0.AddMinutes(59));

        Assert.Equal(3, windows.LastHour);
        Assert.Equal(3, windows.LastDay);
        Assert.Equal(T0.AddMinutes(59), windows.Latest);
    }

    [Fact]
    public void Events_leave_the_hour_window_as_event_time_moves_on()
    {
        var windows = new EventTimeWindows();
        windows.Add(T0);
        windows.Add(T0.AddMinutes(30));

        windows.Add(T0.AddMinutes(61));

        Assert.Equal(2, windows.LastHour);
        Assert.Equal(3, windows.LastDay);

        windows.Add(T0.AddMinutes(95));

        Assert.Equal(2, windows.LastHour);
        Assert.Equal(4, windows.LastDay);
    }

    [Fact]
    public void Events_leave_the_day_window_after_a_day()
    {
        var windows = new EventTimeWindows();
        windows.Add(T0);
        windows.Add(T0.AddHours(5));

        windows.Add(T0.AddHours(24));

        Assert.Equal(1, windows.LastHour);
        Assert.Equal(2, windows.LastDay);

        windows.Add(T0.AddDays(3));

        Assert.Equal(1, windows.LastHour);
        Assert.Equal(1, windows.LastDay);
    }

    [Fact]
    public void A_late_event_inside_the_windows_is_counted()
    {
        var windows = new EventTimeWindows();
        windows.Add(T0.AddHours(2));

        Assert.True(windows.Add(T0.AddHours(2).AddMinutes(-30)));
        Assert.True(windows.Add(T0));

        Assert.Equal(2, windows.LastHour);
        Assert.Equal(3, windows.LastDay);
        Assert.Equal(T0.AddHours(2), windows.Latest);
    }

    [Fact]
    public void A_late_event_older_than_a_day_is_not_counted_and_does_not_disturb_newer_buckets()
    {
        var windows = new EventTimeWindows();
        windows.Add(T0);

        var counted = windows.Add(T0.AddDays(-2));

        Assert.False(counted);
        Assert.Equal(1, windows.LastHour);
        Assert.Equal(1, windows.LastDay);
        Assert.Equal(T0, windows.Latest);
    }

    [Fact]
    public void Memory_is_fixed_however_many_minutes_pass()
    {
        var windows = new EventTimeWindows();

        for (var minute = 0; minute < 3 * 24 * 60; minute++)
        {
            windows.Add(T0.AddMinutes(minute));
            windows.Add(T0.AddMinutes(minute));
        }

        Assert.Equal(120, windows.LastHour);
        Assert.Equal(2 * 24 * 60, windows.LastDay);
        Assert.Equal((60, 24), (EventTimeWindows.MinuteBuckets, EventTimeWindows.HourBuckets));
    }
}
