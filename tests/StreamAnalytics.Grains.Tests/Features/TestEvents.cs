using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Tests.Features;

internal static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static int _next;

    public static InteractionEvent Create(
        InteractionType type,
        DateTimeOffset? at = null,
        string user = "u1",
        string product = "p1",
        double? rating = null,
        decimal? price = null,
        int? quantity = null,
        string? category = null) => new()
        {
            EventId = "e" + Interlocked.Increment(ref _next),
            UserId = user,
            ProductId = product,
            Type = type,
            Timestamp = at ?? T0,
            Rating = rating,
            Price = price,
            Quantity = quantity,
            Category = category,
        };
}
