using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class KafkaBatchContainerTests
{
    private static readonly StreamId UserStream = StreamId.Create("user", "alice");

    private static KafkaStreamSequenceToken Token(long offset, int index = 0) => new("interactions", 3, offset, index);

    private static KafkaRecord Record(long offset, string json) => new(
        "interactions", 3, offset, "k-" + offset, System.Text.Encoding.UTF8.GetBytes(json),
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private static T RoundTrip<T>(T value)
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var copy = serializer.Deserialize<T>(serializer.SerializeToArray(value));
        Assert.NotNull(copy);
        return copy;
    }

    [Fact]
    public void GetEvents_yields_only_events_of_the_requested_type_with_their_own_tokens_in_order()
    {
        var container = new KafkaBatchContainer(
            UserStream,
            ["a", 1, "b", 2L, "c"],
            [Token(10), Token(11), Token(12), Token(13), Token(13, 1)],
            null);

        var strings = container.GetEvents<string>().ToList();

        Assert.Equal(["a", "b", "c"], strings.Select(e => e.Item1));
        Assert.Equal([Token(10), Token(12), Token(13, 1)], strings.Select(e => e.Item2));
    }

    [Fact]
    public void GetEvents_of_object_yields_every_event()
    {
        var container = new KafkaBatchContainer(UserStream, ["a", 1], [Token(1), Token(2)], null);

        Assert.Equal(["a", (object)1], container.GetEvents<object>().Select(e => e.Item1));
    }

    [Fact]
    public void GetEvents_of_an_absent_type_yields_nothing()
    {
        var container = new KafkaBatchContainer(UserStream, ["a", "b"], [Token(1), Token(2)], null);

        Assert.Empty(container.GetEvents<KafkaRecord>());
    }

    [Fact]
    public void Constructor_rejects_an_empty_batch()
    {
        Assert.Throws<ArgumentException>(() => new KafkaBatchContainer(UserStream, [], [], null));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    [InlineData(1, 0)]
    public void Constructor_rejects_a_token_count_other_than_the_event_count(int eventCount, int tokenCount)
    {
        var events = Enumerable.Range(0, eventCount).Select(i => (object)i).ToArray();
        var tokens = Enumerable.Range(0, tokenCount).Select(i => Token(i)).ToArray();

        Assert.Throws<ArgumentException>(() => new KafkaBatchContainer(UserStream, events, tokens, null));
    }

    [Fact]
    public void SequenceToken_is_the_token_of_the_first_event()
    {
        var container = new KafkaBatchContainer(UserStream, ["a", "b"], [Token(20), Token(25)], null);

        Assert.Same(container.Tokens[0], container.SequenceToken);
        Assert.Equal(Token(20), container.SequenceToken);
    }

    [Fact]
    public void Container_is_not_received_until_the_receiver_numbers_it()
    {
        var container = new KafkaBatchContainer(UserStream, ["a"], [Token(1)], null);

        Assert.Null(container.Receipt);
    }

    [Fact]
    public void ImportRequestContext_without_a_context_returns_false()
    {
        var container = new KafkaBatchContainer(UserStream, ["a"], [Token(1)], null);

        Assert.False(container.ImportRequestContext());
    }

    [Fact]
    public void ImportRequestContext_puts_the_producer_context_into_the_current_request_context()
    {
        var container = new KafkaBatchContainer(UserStream, ["a"], [Token(1)], new Dictionary<string, object> { ["tenant"] = "acme" });
        try
        {
            Assert.True(container.ImportRequestContext());
            Assert.Equal("acme", RequestContext.Get("tenant"));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [Fact]
    public void Serializer_round_trip_keeps_stream_events_tokens_and_request_context()
    {
        var record = Record(40, """{"userId":"alice","productId":7}""");
        var original = new KafkaBatchContainer(
            UserStream,
            [record, "plain text", Record(41, "{}")],
            [Token(40), Token(40, 1), Token(41)],
            new Dictionary<string, object> { ["tenant"] = "acme", ["attempt"] = 3 })
        { Receipt = (new object(), 17) };

        var copy = RoundTrip(original);

        Assert.Equal(UserStream, copy.StreamId);
        Assert.Equal(3, copy.Events.Length);
        var copiedRecord = Assert.IsType<KafkaRecord>(copy.Events[0]);
        Assert.Equal(record.Topic, copiedRecord.Topic);
        Assert.Equal(record.Partition, copiedRecord.Partition);
        Assert.Equal(record.Offset, copiedRecord.Offset);
        Assert.Equal(record.Key, copiedRecord.Key);
        Assert.Equal(record.Value, copiedRecord.Value);
        Assert.Equal(record.Timestamp, copiedRecord.Timestamp);
        Assert.Equal("plain text", copy.Events[1]);
        Assert.Equal(41, Assert.IsType<KafkaRecord>(copy.Events[2]).Offset);
        Assert.Equal(original.Tokens, copy.Tokens);
        Assert.Equal(Token(40), copy.SequenceToken);
        Assert.NotNull(copy.RequestContext);
        Assert.Equal("acme", copy.RequestContext["tenant"]);
        Assert.Equal(3, copy.RequestContext["attempt"]);
        Assert.Equal(2, copy.RequestContext.Count);
    }

    [Fact]
    public void Serializer_round_trip_keeps_a_missing_request_context_missing()
    {
        var original = new KafkaBatchContainer(UserStream, ["x"], [Token(5)], null);

        var copy = RoundTrip(original);

        Assert.Null(copy.RequestContext);
        Assert.False(copy.ImportRequestContext());
        Assert.Equal(["x"], copy.GetEvents<string>().Select(e => e.Item1));
    }

    [Fact]
    public void Deserialized_tokens_keep_every_part_of_the_position()
    {
        var token = new KafkaStreamSequenceToken("payments", 9, 123_456_789_012, 4);

        var copy = RoundTrip(token);

        Assert.Equal("payments", copy.Topic);
        Assert.Equal(9, copy.Partition);
        Assert.Equal(123_456_789_012, copy.Offset);
        Assert.Equal(4, copy.EventIndex);
        Assert.Equal(token, copy);
    }

    [Fact]
    public void Deep_copy_keeps_events_and_tokens()
    {
        var copier = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<DeepCopier>();
        var original = new KafkaBatchContainer(UserStream, ["a", Record(1, "{}")], [Token(1), Token(1, 1)], null);

        var copy = copier.Copy(original);

        Assert.Equal(original.StreamId, copy.StreamId);
        Assert.Equal(original.Tokens, copy.Tokens);
        Assert.Equal("a", copy.Events[0]);
        Assert.Equal(1, Assert.IsType<KafkaRecord>(copy.Events[1]).Offset);
    }

    [Fact]
    public void Deserialized_or_copied_container_is_not_taken_for_one_received_here()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var original = new KafkaBatchContainer(UserStream, ["a"], [Token(1)], null) { Receipt = (new object(), 17) };

        var deserialized = RoundTrip(original);
        var copied = services.GetRequiredService<DeepCopier>().Copy(original);

        Assert.Null(deserialized.Receipt);
        Assert.Null(copied.Receipt);
    }
}
