using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Features;

/// <summary>
/// One user's behavioural features, updated one interaction at a time by <see cref="Apply"/>. The caller applies
/// each event once (deduplication by source offset happens in the grain). Memory is bounded: distinct products
/// switch to a 16 KiB sketch past 10,000, categories are capped at 256, windows are fixed rings.
/// </summary>
[GenerateSerializer]
public sealed class UserFeatures : IInteractionFeatures<UserFeaturesView>
{
    /// <summary>How many categories <see cref="ToView"/> lists by default: 5.</summary>
    public const int DefaultTopCategories = 5;

    /// <summary>Interactions per type.</summary>
    [Id(0)]
    public TypeCounts Counts { get; private set; } = new();

    /// <summary>Money spent: price × quantity over purchases with a price (quantity 1 when absent).</summary>
    [Id(1)]
    public decimal Spend { get; private set; }

    /// <summary>Ratings given, from <c>rating</c> and <c>review</c> events that carry one.</summary>
    [Id(2)]
    public RatingStats Ratings { get; private set; } = new();

    /// <summary>Earliest event time, or null before any event.</summary>
    [Id(3)]
    public DateTimeOffset? FirstSeen { get; private set; }

    /// <summary>Latest event time, or null before any event.</summary>
    [Id(4)]
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>Distinct products interacted with.</summary>
    [Id(5)]
    public DistinctCounter DistinctProducts { get; private set; } = new();

    /// <summary>Interactions per product category.</summary>
    [Id(6)]
    public TopCategories Categories { get; private set; } = new();

    /// <summary>Interactions in the last hour and day of event time.</summary>
    [Id(7)]
    public EventTimeWindows Windows { get; private set; } = new();

    /// <summary>Events applied.</summary>
    [Id(8)]
    public long EventsApplied { get; private set; }

    /// <summary>The user's age, from the latest event that carried one; null when none did.</summary>
    [Id(9)]
    public int? Age { get; private set; }

    /// <summary>The user's location, from the latest event that carried one; null when none did.</summary>
    [Id(10)]
    public string? Location { get; private set; }

    /// <summary>Folds one interaction of this user into the features.</summary>
    public void Apply(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);

        Counts.Increment(interaction.Type);
        if (interaction.Type == InteractionType.Purchase && interaction.Price is { } price)
        {
            Spend = Money.AddLine(Spend, price, interaction.Quantity ?? 1);
        }

        if (interaction.Type is InteractionType.Rating or InteractionType.Review && interaction.Rating is { } rating)
        {
            Ratings.Add(rating);
        }

        if (FirstSeen is not { } first || interaction.Timestamp < first)
        {
            FirstSeen = interaction.Timestamp;
        }

        if (LastSeen is not { } last || interaction.Timestamp > last)
        {
            LastSeen = interaction.Timestamp;
        }

        // The profile is whatever the producer said last: people move and age, and a replay keeps its event order.
        Age = interaction.Age ?? Age;
        Location = string.IsNullOrWhiteSpace(interaction.Location) ? Location : interaction.Location;
        DistinctProducts.Add(interaction.ProductId);
        Categories.Add(interaction.Category);
        Windows.Add(interaction.Timestamp);
        EventsApplied++;
    }

    /// <summary>A snapshot with the <paramref name="topCategories"/> most frequent categories (5 by default).</summary>
    public UserFeaturesView ToView(int topCategories = DefaultTopCategories) => new()
    {
        Counts = Counts.ToDictionary(),
        Spend = Spend,
        RatingCount = Ratings.Count,
        RatingMean = Ratings.Mean,
        FirstSeen = FirstSeen,
        LastSeen = LastSeen,
        DistinctProducts = DistinctProducts.Count,
        TopCategories = Categories.Top(topCategories),
        Window = Windows.ToView(),
        EventsApplied = EventsApplied,
        Age = Age,
        Location = Location,
    };

    /// <inheritdoc />
    public UserFeaturesView Snapshot() => ToView();
}
