using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Ratings;

public sealed class RatingFeatureVectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void There_is_one_unique_name_per_value_written()
    {
        var features = new float[RatingFeatureVector.Count + 3];
        Array.Fill(features, 42f);

        RatingFeatureVector.Build(null, null, features);

        Assert.Equal(RatingFeatureVector.Names.Count, RatingFeatureVector.Count);
        Assert.Equal(RatingFeatureVector.Count, RatingFeatureVector.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RatingFeatureVector.Count, RatingFeatureVector.Create(null, null).Length);
        Assert.All(features[..RatingFeatureVector.Count], value => Assert.Equal(0f, value));
        Assert.All(features[RatingFeatureVector.Count..], value => Assert.Equal(42f, value));
    }

    [Fact]
    public void The_names_keep_the_order_trained_models_depend_on()
    {
        // A served model reads its features by position: reordering these breaks every model already trained.
        string[] expected =
        [
            "user_known", "user_age", "user_age_known", "user_log_views", "user_log_likes", "user_log_add_to_carts",
            "user_log_purchases", "user_log_ratings", "user_rating_mean_centred", "user_log_distinct_products", "user_log_spend",
            "product_known", "product_log_price", "product_price_known", "product_log_views", "product_log_likes",
            "product_log_add_to_carts", "product_log_purchases", "product_log_ratings", "product_rating_mean_centred",
            "product_conversion_rate", "product_log_unique_users", "product_log_trending", "pair_category_share",
            .. Enumerable.Range(0, 8).Select(i => $"user_location_{i}"),
            .. Enumerable.Range(0, 8).Select(i => $"product_category_{i}"),
        ];

        Assert.Equal(expected, RatingFeatureVector.Names);
        Assert.Equal(40, RatingFeatureVector.Count);
    }

    [Fact]
    public void A_destination_shorter_than_the_vector_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RatingFeatureVector.Build(null, null, new float[RatingFeatureVector.Count - 1]));
    }

    [Fact]
    public void An_entity_never_seen_has_its_known_flag_and_every_feature_at_zero()
    {
        var (user, product) = Views();

        var userOnly = RatingFeatureVector.Create(user, null);
        var productOnly = RatingFeatureVector.Create(null, product);

        Assert.Equal(1f, Value(userOnly, "user_known"));
        Assert.All(Where(userOnly, name => name.StartsWith("product_", StringComparison.Ordinal)), value => Assert.Equal(0f, value));
        Assert.Equal(1f, Value(productOnly, "product_known"));
        Assert.All(Where(productOnly, name => name.StartsWith("user_", StringComparison.Ordinal)), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Known_entities_give_logged_counts_centred_means_and_one_hot_buckets()
    {
        var (user, product) = Views();

        var features = RatingFeatureVector.Create(user, product);

        Assert.Equal(34f, Value(features, "user_age"));
        Assert.Equal(1f, Value(features, "user_age_known"));
        Assert.Equal((float)Math.Log(2), Value(features, "user_log_views"), 5);
        Assert.Equal((float)Math.Log(2), Value(features, "user_log_purchases"), 5);
        Assert.Equal(1f, Value(features, "user_rating_mean_centred"), 5);
        Assert.Equal((float)Math.Log(1 + 20.0), Value(features, "user_log_spend"), 5);
        Assert.Equal((float)Math.Log(1 + 10.0), Value(features, "product_log_price"), 5);
        Assert.Equal(1f, Value(features, "product_conversion_rate"));
        Assert.Equal(1f, Value(features, "pair_category_share"));
        Assert.Equal(1f, Value(features, "user_location_" + FeatureHashing.Bucket("Kentucky", 8)));
        Assert.Equal(1f, Value(features, "product_category_" + FeatureHashing.Bucket("Clothing", 8)));
        Assert.Equal(1f, Where(features, name => name.StartsWith("user_location_", StringComparison.Ordinal)).Sum());
        Assert.Equal(1f, Where(features, name => name.StartsWith("product_category_", StringComparison.Ordinal)).Sum());
    }

    [Fact]
    public void The_category_share_is_the_part_of_the_users_interactions_in_the_products_category()
    {
        var user = new UserFeatures();
        user.Apply(Event(InteractionType.View));
        user.Apply(Event(InteractionType.View) with { Category = "Footwear" });
        user.Apply(Event(InteractionType.View) with { Category = "Footwear" });
        user.Apply(Event(InteractionType.View) with { Category = null });
        var product = new ProductFeatures();
        product.Apply(Event(InteractionType.View) with { Category = "footwear" });

        var features = RatingFeatureVector.Create(user.ToView(), product.ToView());

        Assert.Equal(0.5f, Value(features, "pair_category_share"));
        Assert.Equal(0f, Value(RatingFeatureVector.Create(null, product.ToView()), "pair_category_share"));
    }

    [Fact]
    public void A_user_without_ratings_has_a_rating_mean_of_zero_not_minus_three()
    {
        var user = new UserFeatures();
        user.Apply(Event(InteractionType.View));

        var features = RatingFeatureVector.Create(user.ToView(), null);

        Assert.Equal(0f, Value(features, "user_rating_mean_centred"));
        Assert.Equal(0f, Value(features, "user_age_known"));
    }

    [Fact]
    public void The_hash_is_fnv1a_and_buckets_are_the_same_in_every_process()
    {
        // Fixed values: a per-process randomised hash (string.GetHashCode) could never pass these.
        Assert.Equal(0xE40C292Cu, FeatureHashing.Hash("a"));
        Assert.Equal(5, FeatureHashing.Bucket("Clothing", 8));
        Assert.Equal(2, FeatureHashing.Bucket("Footwear", 8));
        Assert.Equal(7, FeatureHashing.Bucket("Kentucky", 8));
        Assert.Equal(FeatureHashing.Bucket("Clothing", 8), FeatureHashing.Bucket("  clothing ", 8));
        Assert.Equal(-1, FeatureHashing.Bucket(null, 8));
        Assert.Equal(-1, FeatureHashing.Bucket("  ", 8));
    }

    [Fact]
    public void Extreme_inputs_give_only_finite_values()
    {
        var counts = InteractionTypeNames.All.ToDictionary(InteractionTypeNames.ToName, _ => long.MaxValue, StringComparer.Ordinal);
        var user = new UserFeaturesView
        {
            Counts = counts,
            Spend = decimal.MaxValue,
            RatingCount = long.MaxValue,
            RatingMean = double.NaN,
            DistinctProducts = long.MaxValue,
            TopCategories = [],
            Window = new WindowCountsView(long.MaxValue, long.MaxValue),
            EventsApplied = long.MaxValue,
            Age = int.MinValue,
            Location = new string('x', 10_000),
        };
        var product = new ProductFeaturesView
        {
            Counts = counts,
            Revenue = decimal.MinValue,
            RatingCount = long.MaxValue,
            RatingMean = double.PositiveInfinity,
            ConversionRate = double.NaN,
            UniqueUsers = long.MinValue,
            Trending = double.PositiveInfinity,
            EventsApplied = long.MaxValue,
            Price = decimal.MaxValue,
            Category = "\u0000",
        };

        var features = RatingFeatureVector.Create(user, product);

        Assert.All(features, value => Assert.True(float.IsFinite(value), $"{value} is not finite"));
        Assert.Equal(0f, Value(features, "user_age"));
        Assert.Equal(0f, Value(features, "product_log_trending"));
    }

    private static (UserFeaturesView User, ProductFeaturesView Product) Views()
    {
        var user = new UserFeatures();
        var product = new ProductFeatures();
        foreach (var interaction in new[] { Event(InteractionType.View), Event(InteractionType.Purchase, price: 10, quantity: 2), Event(InteractionType.Rating, rating: 4) })
        {
            user.Apply(interaction);
            product.Apply(interaction);
        }

        return (user.ToView(), product.ToView());
    }

    private static InteractionEvent Event(InteractionType type, decimal? price = null, int? quantity = null, double? rating = null) => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        UserId = "u1",
        ProductId = "p1",
        Type = type,
        Timestamp = Start,
        Price = price,
        Quantity = quantity,
        Rating = rating,
        Category = "Clothing",
        Age = type == InteractionType.View ? null : 34,
        Location = "Kentucky",
    };

    private static float Value(float[] features, string name)
    {
        var at = RatingFeatureVector.Names.ToList().IndexOf(name);
        Assert.True(at >= 0, $"no feature named {name}");
        return features[at];
    }

    private static IEnumerable<float> Where(float[] features, Func<string, bool> names) =>
        RatingFeatureVector.Names.Select((name, i) => (name, i)).Where(p => names(p.name)).Select(p => features[p.i]);
}
