using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Features;

/// <summary>
/// One product's features, updated one interaction at a time by <see cref="Apply"/>. The caller applies each event
/// once (deduplication by source offset happens in the grain). Memory is bounded: unique users switch to a 16 KiB
/// sketch past 10,000.
/// </summary>
[GenerateSerializer]
public sealed class ProductFeatures : IInteractionFeatures<ProductFeaturesView>
{
    /// <summary>Features with a trending half-life of 1 hour.</summary>
    public ProductFeatures()
        : this(TrendingScore.DefaultHalfLife)
    {
    }

    /// <summary>Features with the given trending half-life.</summary>
    public ProductFeatures(TimeSpan trendingHalfLife)
    {
        Trending = new TrendingScore(trendingHalfLife);
    }

    /// <summary>Interactions per type.</summary>
    [Id(0)]
    public TypeCounts Counts { get; private set; } = new();

    /// <summary>Revenue: price × quantity over purchases with a price (quantity 1 when absent).</summary>
    [Id(1)]
    public decimal Revenue { get; private set; }

    /// <summary>Ratings received, from <c>rating</c> and <c>review</c> events that carry one.</summary>
    [Id(2)]
    public RatingStats Ratings { get; private set; } = new();

    /// <summary>Distinct users who interacted.</summary>
    [Id(3)]
    public DistinctCounter UniqueUsers { get; private set; } = new();

    /// <summary>Decayed interaction count in event time (every interaction weighs 1).</summary>
    [Id(4)]
    public TrendingScore Trending { get; private set; }

    /// <summary>Events applied.</summary>
    [Id(5)]
    public long EventsApplied { get; private set; }

    /// <summary>The unit price of the latest event that carried one; null when none did.</summary>
    [Id(6)]
    public decimal? Price { get; private set; }

    /// <summary>The category of the latest event that carried one; null when none did.</summary>
    [Id(7)]
    public string? Category { get; private set; }

    /// <summary>Purchases divided by views; 0 when there are no views.</summary>
    public double ConversionRate
    {
        get
        {
            var views = Counts[InteractionType.View];
            return views == 0 ? 0 : (double)Counts[InteractionType.Purchase] / views;
        }
    }

    /// <summary>Folds one interaction with this product into the features.</summary>
    public void Apply(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);

        Counts.Increment(interaction.Type);
        if (interaction.Type == InteractionType.Purchase && interaction.Price is { } price)
        {
            Revenue = Money.AddLine(Revenue, price, interaction.Quantity ?? 1);
        }

        if (interaction.Type is InteractionType.Rating or InteractionType.Review && interaction.Rating is { } rating)
        {
            Ratings.Add(rating);
        }

        Price = interaction.Price ?? Price;
        Category = string.IsNullOrWhiteSpace(interaction.Category) ? Category : interaction.Category;
        UniqueUsers.Add(interaction.UserId);
        Trending.Add(interaction.Timestamp);
        EventsApplied++;
    }

    /// <summary>A snapshot of the features.</summary>
    public ProductFeaturesView ToView() => new()
    {
        Counts = Counts.ToDictionary(),
        Revenue = Revenue,
        RatingCount = Ratings.Count,
        RatingMean = Ratings.Mean,
        ConversionRate = ConversionRate,
        UniqueUsers = UniqueUsers.Count,
        Trending = Trending.Value,
        EventsApplied = EventsApplied,
        Price = Price,
        Category = Category,
    };

    /// <inheritdoc />
    public ProductFeaturesView Snapshot() => ToView();
}
