using StreamAnalytics.Training.Rating.Data;
using static StreamAnalytics.Training.Tests.Data.TestRatings;

namespace StreamAnalytics.Training.Tests.Data;

public sealed class RatingExampleWindowTests
{
    [Fact]
    public void A_full_window_drops_its_oldest_example_first()
    {
        var window = new RatingExampleWindow(3);

        for (var i = 0; i < 5; i++)
        {
            window.Add(Example("u" + i, "p", target: i + 1, minute: i));
        }

        Assert.Equal(3, window.Count);
        Assert.Equal(2, window.Dropped);
        Assert.Equal(["u2", "u3", "u4"], window.ToArray().Select(e => e.UserId));
    }

    [Fact]
    public void The_event_time_range_covers_examples_that_arrived_out_of_order()
    {
        var window = new RatingExampleWindow(10);
        Assert.Null(window.EventTimeRange());

        window.Add(Example("u1", "p", 1, minute: 5));
        window.Add(Example("u2", "p", 1, minute: 2));
        window.Add(Example("u3", "p", 1, minute: 9));

        Assert.Equal((T0.AddMinutes(2), T0.AddMinutes(9)), window.EventTimeRange());
    }

    [Fact]
    public void A_window_needs_room_for_one_example()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatingExampleWindow(0));
    }
}
