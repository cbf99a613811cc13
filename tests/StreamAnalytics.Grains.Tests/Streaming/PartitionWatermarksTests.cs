using StreamAnalytics.Grains.Streaming;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Tests.Streaming;

public sealed class PartitionWatermarksTests
{
    private static KafkaStreamSequenceToken At(int partition, long offset, int index = 0) => new("interactions", partition, offset, index);

    [Fact]
    public void New_events_advance_and_a_redelivered_event_is_skipped_and_counted()
    {
        var marks = new PartitionWatermarks();

        Assert.True(marks.TryAdvance(At(0, 10)));
        Assert.True(marks.TryAdvance(At(0, 11)));
        Assert.False(marks.TryAdvance(At(0, 11)));
        Assert.False(marks.TryAdvance(At(0, 3)));
        Assert.Equal(2, marks.Skipped);
    }

    [Fact]
    public void Partitions_are_tracked_independently()
    {
        var marks = new PartitionWatermarks();
        Assert.True(marks.TryAdvance(At(0, 100)));

        Assert.True(marks.TryAdvance(At(1, 5)));
        Assert.True(marks.TryAdvance(At(2, 0)));
        Assert.False(marks.TryAdvance(At(0, 99)));
    }

    [Fact]
    public void Events_of_one_record_are_told_apart_by_their_index()
    {
        var marks = new PartitionWatermarks();

        Assert.True(marks.TryAdvance(At(0, 7, 0)));
        Assert.True(marks.TryAdvance(At(0, 7, 1)));
        Assert.False(marks.TryAdvance(At(0, 7, 1)));
        Assert.False(marks.TryAdvance(At(0, 7, 0)));
        Assert.True(marks.TryAdvance(At(0, 8, 0)));
    }
}
