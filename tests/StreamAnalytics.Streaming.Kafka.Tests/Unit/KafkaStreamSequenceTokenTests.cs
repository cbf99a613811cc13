using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class KafkaStreamSequenceTokenTests
{
    [Fact]
    public void Token_with_a_higher_offset_is_newer()
    {
        var older = new KafkaStreamSequenceToken("t", 0, 10, eventIndex: 5);
        var newer = new KafkaStreamSequenceToken("t", 0, 11, eventIndex: 0);

        Assert.True(older.CompareTo(newer) < 0);
        Assert.True(newer.CompareTo(older) > 0);
        Assert.True(older.Older(newer));
        Assert.True(newer.Newer(older));
    }

    [Fact]
    public void Tokens_with_the_same_offset_are_ordered_by_event_index()
    {
        var first = new KafkaStreamSequenceToken("t", 0, 10, eventIndex: 0);
        var second = new KafkaStreamSequenceToken("t", 0, 10, eventIndex: 1);

        Assert.True(first.CompareTo(second) < 0);
        Assert.True(second.CompareTo(first) > 0);
    }

    [Fact]
    public void Token_compares_equal_to_a_token_at_the_same_position()
    {
        var token = new KafkaStreamSequenceToken("t", 0, 10, 2);

        Assert.Equal(0, token.CompareTo(new KafkaStreamSequenceToken("t", 0, 10, 2)));
    }

    [Fact]
    public void Token_is_newer_than_null()
    {
        Assert.True(new KafkaStreamSequenceToken("t", 0, 0).CompareTo(null) > 0);
    }

    [Fact]
    public void Sorting_orders_tokens_by_offset_then_event_index()
    {
        KafkaStreamSequenceToken[] tokens =
        [
            new("t", 0, 5, 1),
            new("t", 0, 3, 0),
            new("t", 0, 5, 0),
            new("t", 0, 4, 2),
        ];

        var sorted = tokens.Order().Select(t => (t.Offset, t.EventIndex));

        Assert.Equal([(3L, 0), (4L, 2), (5L, 0), (5L, 1)], sorted);
    }

    [Fact]
    public void Offset_is_the_sequence_number()
    {
        var token = new KafkaStreamSequenceToken("t", 3, 42, 1);

        Assert.Equal(42, token.Offset);
        Assert.Equal(42, token.SequenceNumber);
        Assert.Equal(1, token.EventIndex);
        Assert.Equal(3, token.Partition);
        Assert.Equal("t", token.Topic);
    }

    [Fact]
    public void Tokens_at_the_same_position_are_equal_and_hash_alike()
    {
        var a = new KafkaStreamSequenceToken("interactions", 2, 100, 1);
        var b = new KafkaStreamSequenceToken("interactions", 2, 100, 1);

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.True(a.Equals((StreamSequenceToken)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("other", 2, 100, 1)]
    [InlineData("interactions", 3, 100, 1)]
    [InlineData("interactions", 2, 101, 1)]
    [InlineData("interactions", 2, 100, 0)]
    [InlineData("Interactions", 2, 100, 1)]
    public void Tokens_differing_in_any_part_are_not_equal(string topic, int partition, long offset, int eventIndex)
    {
        var token = new KafkaStreamSequenceToken("interactions", 2, 100, 1);

        Assert.False(token.Equals(new KafkaStreamSequenceToken(topic, partition, offset, eventIndex)));
    }

    [Fact]
    public void Token_is_not_equal_to_another_token_type_at_the_same_numbers()
    {
        var token = new KafkaStreamSequenceToken("t", 0, 7, 1);

        Assert.False(token.Equals(new EventSequenceTokenV2(7, 1)));
        Assert.False(token.Equals((object?)null));
        Assert.False(token.Equals("t[0]@7#1"));
    }

    [Fact]
    public void ToString_names_topic_partition_offset_and_index()
    {
        var text = new KafkaStreamSequenceToken("interactions", 5, 12345, 2).ToString();

        Assert.Contains("interactions", text, StringComparison.Ordinal);
        Assert.Contains("5", text, StringComparison.Ordinal);
        Assert.Contains("12345", text, StringComparison.Ordinal);
        Assert.Equal("interactions[5]@12345#2", text);
    }
}
