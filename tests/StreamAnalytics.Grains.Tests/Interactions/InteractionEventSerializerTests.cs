using System.Text;
using System.Text.Json;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Tests.Interactions;

public sealed class InteractionEventSerializerTests
{
    private readonly InteractionEventParser _parser = new();

    [Fact]
    public void A_full_event_round_trips_through_the_parser()
    {
        var original = new InteractionEvent
        {
            EventId = "e-1",
            UserId = "user \"quoted\" é",
            ProductId = "p/9",
            Type = InteractionType.AddToCart,
            Timestamp = new DateTimeOffset(2024, 5, 1, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
            Rating = 3.25,
            Price = 1234.5678m,
            Quantity = 2,
            Category = "garden",
            ReviewText = "line1\nline2",
            Age = 41,
            Location = "Texas",
        };

        var result = _parser.Parse(InteractionEventSerializer.SerializeToUtf8Bytes(original));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(original, result.Event);
    }

    [Fact]
    public void A_minimal_event_round_trips_and_writes_no_optional_fields()
    {
        var original = new InteractionEvent
        {
            EventId = "e",
            UserId = "u",
            ProductId = "p",
            Type = InteractionType.Purchase,
            Timestamp = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };

        var bytes = InteractionEventSerializer.SerializeToUtf8Bytes(original);

        Assert.Equal(original, _parser.Parse(bytes).Event);
        Assert.Equal(
            """{"eventId":"e","userId":"u","productId":"p","type":"purchase","timestamp":"2024-01-02T03:04:05+00:00"}""",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Every_type_is_written_with_its_wire_name()
    {
        foreach (var type in InteractionTypeNames.All)
        {
            var json = InteractionEventSerializer.Serialize(new InteractionEvent
            {
                EventId = "e",
                UserId = "u",
                ProductId = "p",
                Type = type,
                Timestamp = DateTimeOffset.UnixEpoch,
            });

            using var document = JsonDocument.Parse(json);
            Assert.Equal(InteractionTypeNames.ToName(type), document.RootElement.GetProperty("type").GetString());
        }
    }
}
