using System.Text;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class KeyFieldRecordMapperTests
{
    private readonly KeyFieldRecordMapper _mapper = new(new KafkaStreamOptions
    {
        BootstrapServers = "localhost:9092",
        Topics =
        {
            ["interactions"] = new KafkaTopicOptions
            {
                Streams =
                [
                    new KafkaStreamRoute { Namespace = "user", KeyField = "userId" },
                    new KafkaStreamRoute { Namespace = "product", KeyField = "productId" },
                ],
            },
            ["payments"] = new KafkaTopicOptions(),
            ["audit"] = new KafkaTopicOptions
            {
                Streams = [new KafkaStreamRoute { Namespace = "audit-by-key" }],
            },
        },
    });

    private static KafkaRecord Record(string topic, string value, string? key = "record-key") =>
        new(topic, 0, 12, key, Encoding.UTF8.GetBytes(value), DateTimeOffset.UnixEpoch);

    private List<KafkaStreamEvent> Map(KafkaRecord record)
    {
        var events = new List<KafkaStreamEvent>();
        _mapper.Map(record, events);
        return events;
    }

    [Fact]
    public void Record_feeds_every_routed_stream_with_itself_as_the_event()
    {
        var record = Record("interactions", """{"userId":"alice","productId":"p-9","kind":"view"}""");

        var events = Map(record);

        Assert.Equal(
            [StreamId.Create("user", "alice"), StreamId.Create("product", "p-9")],
            events.Select(e => e.StreamId));
        Assert.All(events, e => Assert.Same(record, e.Event));
    }

    [Fact]
    public void Numeric_key_fields_give_their_number_as_the_key()
    {
        var events = Map(Record("interactions", """{"userId":42,"productId":1234567890123}"""));

        Assert.Equal(
            [StreamId.Create("user", "42"), StreamId.Create("product", "1234567890123")],
            events.Select(e => e.StreamId));
    }

    [Fact]
    public void Events_are_added_to_what_the_collection_already_holds()
    {
        var earlier = new KafkaStreamEvent(StreamId.Create("user", "earlier"), "x");
        var events = new List<KafkaStreamEvent> { earlier };

        _mapper.Map(Record("interactions", """{"userId":"u","productId":"p"}"""), events);

        Assert.Equal(3, events.Count);
        Assert.Equal(earlier, events[0]);
    }

    [Theory]
    [InlineData("""{"productId":"p-9"}""")]
    [InlineData("""{"userId":"","productId":"p-9"}""")]
    [InlineData("""{"userId":null,"productId":"p-9"}""")]
    [InlineData("""{"userId":true,"productId":"p-9"}""")]
    public void Missing_or_empty_key_field_throws_naming_the_field(string json)
    {
        var ex = Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("interactions", json)));

        Assert.Contains("'userId'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_second_key_field_throws_naming_that_field()
    {
        var ex = Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("interactions", """{"userId":"alice"}""")));

        Assert.Contains("'productId'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"userId\":")]
    [InlineData("")]
    public void Value_that_is_not_json_throws(string value)
    {
        Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("interactions", value)));
    }

    [Theory]
    [InlineData("""[{"userId":"alice","productId":"p"}]""")]
    [InlineData("\"alice\"")]
    [InlineData("42")]
    public void Json_value_that_is_not_an_object_throws(string value)
    {
        var ex = Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("interactions", value)));

        Assert.Contains("not a JSON object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_without_routes_feeds_a_stream_named_like_the_topic_keyed_by_the_record_key()
    {
        var record = Record("payments", "opaque, not JSON", key: "acct-7");

        var single = Assert.Single(Map(record));

        Assert.Equal(StreamId.Create("payments", "acct-7"), single.StreamId);
        Assert.Same(record, single.Event);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Topic_without_routes_rejects_a_record_without_a_key(string? key)
    {
        var ex = Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("payments", "{}", key)));

        Assert.Contains("'payments'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_without_key_field_takes_the_record_key()
    {
        var single = Assert.Single(Map(Record("audit", "{}", key: "k1")));

        Assert.Equal(StreamId.Create("audit-by-key", "k1"), single.StreamId);
    }

    [Fact]
    public void Record_of_an_unconfigured_topic_throws_naming_the_topic()
    {
        var ex = Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("elsewhere", "{}")));

        Assert.Contains("'elsewhere'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_objects_and_arrays_are_skipped_and_not_taken_for_top_level_fields()
    {
        var json = """
            {
              "meta": { "userId": "nested-user", "productId": "nested-product", "deep": { "userId": "deeper" } },
              "tags": [ { "userId": "in-array" }, "productId", 3 ],
              "userId": "alice",
              "flag": true,
              "nothing": null,
              "productId": "p-1"
            }
            """;

        var events = Map(Record("interactions", json));

        Assert.Equal(
            [StreamId.Create("user", "alice"), StreamId.Create("product", "p-1")],
            events.Select(e => e.StreamId));
    }

    [Fact]
    public void Key_field_found_only_inside_a_nested_object_counts_as_missing()
    {
        var json = """{"meta":{"userId":"nested"},"productId":"p-1"}""";

        var ex = Assert.Throws<InvalidKafkaRecordException>(() => Map(Record("interactions", json)));

        Assert.Contains("'userId'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_key_field_values_are_unescaped()
    {
        var events = Map(Record("interactions", """{"userId":"a\/b \u00e9","productId":"p"}"""));

        Assert.Equal(StreamId.Create("user", "a/b é"), events[0].StreamId);
    }
}
