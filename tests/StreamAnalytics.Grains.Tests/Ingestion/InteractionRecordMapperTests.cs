using System.Text;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Tests.Ingestion;

public sealed class InteractionRecordMapperTests
{
    private static readonly InteractionRecordMapper Mapper = new(new InteractionEventParser());

    private static KafkaRecord Record(string json) => new("interactions", 0, 1, "u1", Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_valid_interaction_feeds_its_user_stream_and_its_product_stream_with_the_parsed_event()
    {
        var events = new List<KafkaStreamEvent>();

        Mapper.Map(Record("""{"eventId":"e1","userId":"u1","productId":"p9","type":"purchase","timestamp":"2026-01-01T00:00:00Z","price":3,"quantity":2}"""), events);

        Assert.Equal([StreamId.Create("user", "u1"), StreamId.Create("product", "p9")], events.Select(e => e.StreamId));
        var interaction = Assert.IsType<InteractionEvent>(events[0].Event);
        Assert.Same(interaction, events[1].Event);
        Assert.Equal(InteractionType.Purchase, interaction.Type);
        Assert.Equal(2, interaction.Quantity);
    }

    [Theory]
    [InlineData("nope", "not json")]
    [InlineData("""{"eventId":"e1","productId":"p9","type":"view","timestamp":"2026-01-01T00:00:00Z"}""", "missing userId")]
    [InlineData("""{"eventId":"e1","userId":"u1","productId":"p9","type":"","timestamp":"2026-01-01T00:00:00Z"}""", "missing type")]
    [InlineData("""{"eventId":"e1","userId":"u1","productId":"p9","type":"rating","rating":7,"timestamp":"2026-01-01T00:00:00Z"}""", "rating out of range")]
    public void An_invalid_interaction_is_rejected_with_the_contract_reason_and_feeds_nothing(string json, string reason)
    {
        var events = new List<KafkaStreamEvent>();

        var rejected = Assert.Throws<InvalidKafkaRecordException>(() => Mapper.Map(Record(json), events));

        Assert.Equal(reason, rejected.Message);
        Assert.Empty(events);
    }
}
