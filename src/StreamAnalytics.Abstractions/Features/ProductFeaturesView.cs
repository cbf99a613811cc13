namespace StreamAnalytics.Abstractions.Features;

/// <summary>A snapshot of one product's features, as <c>GET /api/products/{productId}</c> returns it (camelCase JSON).</summary>
[GenerateSerializer, Immutable]
public sealed record ProductFeaturesView
{
    /// <summary>Interactions per type, keyed by wire name (<c>view</c>, <c>add_to_cart</c>, ...); every type is present.</summary>
    [Id(0)]
    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    /// <summary>Revenue: price × quantity over purchases (quantity 1 when absent).</summary>
    [Id(1)]
    public required decimal Revenue { get; init; }

    /// <summary>Ratings received (on <c>rating</c> and <c>review</c> events that carry one).</summary>
    [Id(2)]
    public required long RatingCount { get; init; }

    /// <summary>Mean of the ratings received; 0 when there are none.</summary>
    [Id(3)]
    public required double RatingMean { get; init; }

    /// <summary>Purchases divided by views; 0 when there are no views (may exceed 1 when purchases skip the view).</summary>
    [Id(4)]
    public required double ConversionRate { get; init; }

    /// <summary>Distinct users who interacted: exact up to 10,000, then a HyperLogLog estimate (about 0.8% standard error).</summary>
    [Id(5)]
    public required long UniqueUsers { get; init; }

    /// <summary>Exponentially decayed event count at the latest event time (half-life 1 hour by default).</summary>
    [Id(6)]
    public required double Trending { get; init; }

    /// <summary>Events applied to these features (each counted once, redeliveries excluded).</summary>
    [Id(7)]
    public required long EventsApplied { get; init; }

    /// <summary>The unit price from the latest event that carried one, or null.</summary>
    [Id(8)]
    public decimal? Price { get; init; }

    /// <summary>The category from the latest event that carried one, or null.</summary>
    [Id(9)]
    public string? Category { get; init; }
}
