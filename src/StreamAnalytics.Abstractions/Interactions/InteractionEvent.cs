namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// One validated interaction of a user with a product: the value of a record on topic
/// <see cref="TopicNames.Interactions"/> once <see cref="InteractionEventParser"/> accepted it.
/// Optional fields are <see langword="null"/> when the record did not carry them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InteractionEvent
{
    /// <summary>Unique id of the event, as given by its producer (at most <see cref="InteractionValidationOptions.MaxIdLength"/> characters).</summary>
    [Id(0)]
    public required string EventId { get; init; }

    /// <summary>The user who interacted.</summary>
    [Id(1)]
    public required string UserId { get; init; }

    /// <summary>The product interacted with.</summary>
    [Id(2)]
    public required string ProductId { get; init; }

    /// <summary>What the user did.</summary>
    [Id(3)]
    public required InteractionType Type { get; init; }

    /// <summary>When it happened (event time), normalised to UTC. A timestamp given without an offset is read as UTC.</summary>
    [Id(4)]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The rating given, within the configured scale (1–5 by default); usually on <c>rating</c> and <c>review</c> events.</summary>
    [Id(5)]
    public double? Rating { get; init; }

    /// <summary>Unit price, never negative; on a purchase, revenue is price × quantity.</summary>
    [Id(6)]
    public decimal? Price { get; init; }

    /// <summary>Number of units, never negative; a purchase without one counts as 1.</summary>
    [Id(7)]
    public int? Quantity { get; init; }

    /// <summary>The product's category, as the producer names it.</summary>
    [Id(8)]
    public string? Category { get; init; }

    /// <summary>The text of a review.</summary>
    [Id(9)]
    public string? ReviewText { get; init; }

    /// <summary>The user's age in years (0–150), when the producer knows it: part of the user profile the rating model uses.</summary>
    [Id(10)]
    public int? Age { get; init; }

    /// <summary>Where the user is (a region or state name), when the producer knows it: part of the user profile.</summary>
    [Id(11)]
    public string? Location { get; init; }
}
