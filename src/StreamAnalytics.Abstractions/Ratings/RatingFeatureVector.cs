using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Abstractions.Ratings;

/// <summary>
/// The side features of the rating model (the <c>features</c> input of the network and of its ONNX graph), built from
/// the feature views the grains keep. The trainer and serving both call <see cref="Build"/>, so a model sees in
/// production exactly what it was trained on. Values are raw (the model standardises them) but always finite:
/// counts, money and scores go through <c>log1p</c>, the rating mean is centred at 3 (the middle of the 1-5 scale),
/// and location and category are one-hot over <see cref="HashBuckets"/> buckets of <see cref="FeatureHashing"/>.
/// A null view is an entity never seen: its known flag and all its features are 0.
/// </summary>
public static class RatingFeatureVector
{
    /// <summary>One-hot buckets for the hashed user location and product category: 8.</summary>
    public const int HashBuckets = 8;

    /// <summary>The rating the mean is centred at: 3, the middle of the default 1-5 scale.</summary>
    public const double RatingCentre = 3;

    // Counts used as features, in this order, for users and products alike. Review and rating events are covered by
    // the rating count, which is what matters about them.
    private static readonly InteractionType[] _countedTypes =
        [InteractionType.View, InteractionType.Like, InteractionType.AddToCart, InteractionType.Purchase];

    private static readonly string[] _userNames =
    [
        "user_known", "user_age", "user_age_known",
        "user_log_views", "user_log_likes", "user_log_add_to_carts", "user_log_purchases",
        "user_log_ratings", "user_rating_mean_centred", "user_log_distinct_products", "user_log_spend",
    ];

    private static readonly string[] _productNames =
    [
        "product_known", "product_log_price", "product_price_known",
        "product_log_views", "product_log_likes", "product_log_add_to_carts", "product_log_purchases",
        "product_log_ratings", "product_rating_mean_centred", "product_conversion_rate", "product_log_unique_users",
        "product_log_trending",
    ];

    // Features of the pair: the share of the user's interactions in the product's category (from the user's top
    // categories), a taste signal neither entity carries alone.
    private static readonly string[] _pairNames = ["pair_category_share"];

    /// <summary>
    /// The feature names, in the order <see cref="Build"/> writes them: user features, product features, pair
    /// features, then <c>user_location_0..7</c> and <c>product_category_0..7</c>. The order is part of the model
    /// contract: append, never reorder.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. _userNames,
        .. _productNames,
        .. _pairNames,
        .. Enumerable.Range(0, HashBuckets).Select(i => $"user_location_{i}"),
        .. Enumerable.Range(0, HashBuckets).Select(i => $"product_category_{i}"),
    ];

    /// <summary>The number of features (F): the length of <see cref="Names"/>.</summary>
    public static int Count => Names.Count;

    /// <summary>
    /// Writes the features of one user-product pair into <paramref name="destination"/> (its first <see cref="Count"/>
    /// elements). Either view may be null (never seen).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Count"/>.</exception>
    public static void Build(UserFeaturesView? user, ProductFeaturesView? product, Span<float> destination)
    {
        if (destination.Length < Count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the feature vector needs {Count}.", nameof(destination));
        }

        var features = destination[..Count];
        features.Clear();
        var at = 0;
        WriteUser(user, features.Slice(at, _userNames.Length));
        at += _userNames.Length;
        WriteProduct(product, features.Slice(at, _productNames.Length));
        at += _productNames.Length;
        features[at] = CategoryShare(user, product);
        at += _pairNames.Length;
        WriteOneHot(user?.Location, features.Slice(at, HashBuckets));
        at += HashBuckets;
        WriteOneHot(product?.Category, features.Slice(at, HashBuckets));
    }

    /// <summary>The features of one pair as a new array of length <see cref="Count"/>.</summary>
    public static float[] Create(UserFeaturesView? user, ProductFeaturesView? product)
    {
        var features = new float[Count];
        Build(user, product, features);
        return features;
    }

    private static void WriteUser(UserFeaturesView? user, Span<float> features)
    {
        if (user is null)
        {
            return;
        }

        features[0] = 1;
        if (user.Age is { } age)
        {
            // The contract allows 0-150; clamping keeps a bad producer from feeding an absurd value to the network.
            features[1] = Math.Clamp(age, 0, 150);
            features[2] = 1;
        }

        WriteCounts(user.Counts, features.Slice(3, _countedTypes.Length));
        features[7] = LogCount(user.RatingCount);
        features[8] = CentredMean(user.RatingCount, user.RatingMean);
        features[9] = LogCount(user.DistinctProducts);
        features[10] = LogAmount((double)user.Spend);
    }

    private static void WriteProduct(ProductFeaturesView? product, Span<float> features)
    {
        if (product is null)
        {
            return;
        }

        features[0] = 1;
        if (product.Price is { } price)
        {
            features[1] = LogAmount((double)price);
            features[2] = 1;
        }

        WriteCounts(product.Counts, features.Slice(3, _countedTypes.Length));
        features[7] = LogCount(product.RatingCount);
        features[8] = CentredMean(product.RatingCount, product.RatingMean);

        // Purchases per view can exceed 1 when purchases skip the view; capping at 1 keeps rare products with one
        // purchase and no view from dominating the feature's scale.
        features[9] = Finite(Math.Clamp(product.ConversionRate, 0, 1));
        features[10] = LogCount(product.UniqueUsers);
        features[11] = LogAmount(product.Trending);
    }

    // 0 when either side is unknown or the category is not among the user's top categories (the grains keep the top
    // few, so a rare category reads as 0, which is what it nearly is).
    private static float CategoryShare(UserFeaturesView? user, ProductFeaturesView? product)
    {
        if (user is null || product?.Category is not { } category || user.EventsApplied <= 0)
        {
            return 0;
        }

        var count = user.TopCategories
            .Where(c => string.Equals(c.Category.Trim(), category.Trim(), StringComparison.OrdinalIgnoreCase))
            .Sum(c => c.Count);
        return Finite(Math.Clamp((double)count / user.EventsApplied, 0, 1));
    }

    private static void WriteCounts(IReadOnlyDictionary<string, long> counts, Span<float> features)
    {
        for (var i = 0; i < _countedTypes.Length; i++)
        {
            features[i] = LogCount(counts.GetValueOrDefault(InteractionTypeNames.ToName(_countedTypes[i])));
        }
    }

    private static void WriteOneHot(string? value, Span<float> features)
    {
        var bucket = FeatureHashing.Bucket(value, HashBuckets);
        if (bucket >= 0)
        {
            features[bucket] = 1;
        }
    }

    private static float LogCount(long count) => count <= 0 ? 0 : (float)Math.Log(1.0 + count);

    // Negative, NaN and infinite amounts are producer bugs: they become 0 so one bad event cannot poison a batch.
    private static float LogAmount(double amount) => double.IsFinite(amount) && amount > 0 ? Finite(Math.Log(1.0 + amount)) : 0;

    private static float CentredMean(long count, double mean) => count <= 0 ? 0 : Finite(mean - RatingCentre);

    private static float Finite(double value)
    {
        var single = (float)value;
        return float.IsFinite(single) ? single : 0;
    }
}
