namespace StreamAnalytics.Abstractions.Features;

/// <summary>A snapshot of one user's features, as <c>GET /api/users/{userId}</c> returns it (camelCase JSON).</summary>
[GenerateSerializer, Immutable]
public sealed record UserFeaturesView
{
    /// <summary>Interactions per type, keyed by wire name (<c>view</c>, <c>add_to_cart</c>, ...); every type is present.</summary>
    [Id(0)]
    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    /// <summary>Money spent: price × quantity over purchases (quantity 1 when absent).</summary>
    [Id(1)]
    public required decimal Spend { get; init; }

    /// <summary>Ratings given (on <c>rating</c> and <c>review</c> events that carry one).</summary>
    [Id(2)]
    public required long RatingCount { get; init; }

    /// <summary>Mean of the ratings given; 0 when there are none.</summary>
    [Id(3)]
    public required double RatingMean { get; init; }

    /// <summary>Earliest event time seen, or null before any event.</summary>
    [Id(4)]
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Latest event time seen, or null before any event.</summary>
    [Id(5)]
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Distinct products interacted with: exact up to 10,000, then a HyperLogLog estimate (about 0.8% standard error).</summary>
    [Id(6)]
    public required long DistinctProducts { get; init; }

    /// <summary>The most frequent categories, most frequent first.</summary>
    [Id(7)]
    public required IReadOnlyList<CategoryCount> TopCategories { get; init; }

    /// <summary>Events in the last hour and day of event time.</summary>
    [Id(8)]
    public required WindowCountsView Window { get; init; }

    /// <summary>Events applied to these features (each counted once, redeliveries excluded).</summary>
    [Id(9)]
    public required long EventsApplied { get; init; }

    /// <summary>The user's age from the latest event that carried one, or null.</summary>
    [Id(10)]
    public int? Age { get; init; }

    /// <summary>The user's location from the latest event that carried one, or null.</summary>
    [Id(11)]
    public string? Location { get; init; }
}
