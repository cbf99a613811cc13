namespace StreamAnalytics.ModelExport.Rating;

/// <summary>
/// The trained weights of the rating model, in plain arrays (no TorchSharp types), as the rating model contract
/// (<c>contract/rating-model.md</c>) defines them. Row 0 of every user and product table is the "unknown" row; user id
/// <c>UserIds[i]</c> has row <c>i + 1</c>. Every property is required: there are no defaults. Arrays are compared by
/// reference (record equality does not look inside them).
/// </summary>
public sealed record RatingModelWeights
{
    /// <summary>K: the length of a user or product latent factor vector. At least 1.</summary>
    public required int Factors { get; init; }

    /// <summary>H: the width of the MLP's hidden layer. At least 1.</summary>
    public required int Hidden { get; init; }

    /// <summary>F: the number of side features. At least 0.</summary>
    public required int FeatureCount { get; init; }

    /// <summary>The U known user ids; <c>UserIds[i]</c> has row <c>i + 1</c>. Unique and non-empty.</summary>
    public required IReadOnlyList<string> UserIds { get; init; }

    /// <summary>The P known product ids; <c>ProductIds[i]</c> has row <c>i + 1</c>. Unique and non-empty.</summary>
    public required IReadOnlyList<string> ProductIds { get; init; }

    /// <summary>The F side feature names, in the order the <c>features</c> input takes them.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The global bias added to every prediction.</summary>
    public required float GlobalBias { get; init; }

    /// <summary>Per-user bias, U+1 values (row 0 = unknown).</summary>
    public required float[] UserBias { get; init; }

    /// <summary>Per-product bias, P+1 values (row 0 = unknown).</summary>
    public required float[] ProductBias { get; init; }

    /// <summary>User latent factors, (U+1)·K values, row-major [U+1, K].</summary>
    public required float[] UserFactors { get; init; }

    /// <summary>Product latent factors, (P+1)·K values, row-major [P+1, K].</summary>
    public required float[] ProductFactors { get; init; }

    /// <summary>The mean subtracted from each raw feature, F values.</summary>
    public required float[] FeatureMean { get; init; }

    /// <summary>The factor each centred feature is multiplied by (1 / standard deviation), F values.</summary>
    public required float[] FeatureInvStd { get; init; }

    /// <summary>Hidden layer weights in torch <c>Linear</c> layout, H·(2K+F) values, row-major [H, 2K+F].</summary>
    public required float[] HiddenWeight { get; init; }

    /// <summary>Hidden layer bias, H values.</summary>
    public required float[] HiddenBias { get; init; }

    /// <summary>Output layer weights, H values (one output).</summary>
    public required float[] OutputWeight { get; init; }

    /// <summary>Output layer bias.</summary>
    public required float OutputBias { get; init; }

    /// <summary>The lowest rating a prediction is clipped to.</summary>
    public required float RatingMin { get; init; }

    /// <summary>The highest rating a prediction is clipped to; at least <see cref="RatingMin"/>.</summary>
    public required float RatingMax { get; init; }

    /// <summary>
    /// Checks that every size and length agrees with the contract, in declaration order.
    /// </summary>
    /// <exception cref="ArgumentException">The first inconsistent field; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public void Validate()
    {
        Require(Factors >= 1, nameof(Factors), $"must be at least 1, was {Factors}");
        Require(Hidden >= 1, nameof(Hidden), $"must be at least 1, was {Hidden}");
        Require(FeatureCount >= 0, nameof(FeatureCount), $"must not be negative, was {FeatureCount}");
        RequireIds(UserIds, nameof(UserIds));
        RequireIds(ProductIds, nameof(ProductIds));
        Require(FeatureNames is not null, nameof(FeatureNames), "is null");
        RequireCount(FeatureNames!.Count, FeatureCount, nameof(FeatureNames), "F");

        long users = UserIds.Count + 1L;
        long products = ProductIds.Count + 1L;
        RequireLength(UserBias, users, nameof(UserBias), "U+1");
        RequireLength(ProductBias, products, nameof(ProductBias), "P+1");
        RequireLength(UserFactors, users * Factors, nameof(UserFactors), "(U+1)*K");
        RequireLength(ProductFactors, products * Factors, nameof(ProductFactors), "(P+1)*K");
        RequireLength(FeatureMean, FeatureCount, nameof(FeatureMean), "F");
        RequireLength(FeatureInvStd, FeatureCount, nameof(FeatureInvStd), "F");
        RequireLength(HiddenWeight, (long)Hidden * ((2L * Factors) + FeatureCount), nameof(HiddenWeight), "H*(2K+F)");
        RequireLength(HiddenBias, Hidden, nameof(HiddenBias), "H");
        RequireLength(OutputWeight, Hidden, nameof(OutputWeight), "H");
        Require(RatingMin <= RatingMax, nameof(RatingMax), $"({RatingMax}) must not be below {nameof(RatingMin)} ({RatingMin})");
    }

    private static void RequireIds(IReadOnlyList<string> ids, string field)
    {
        Require(ids is not null, field, "is null");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids!.Count; i++)
        {
            // Serving maps ids back to rows with a dictionary: an empty or repeated id would be ambiguous there.
            Require(!string.IsNullOrEmpty(ids[i]), field, $"has an empty id at index {i}");
            Require(seen.Add(ids[i]), field, $"repeats the id '{ids[i]}' at index {i}");
        }
    }

    private static void RequireCount(int actual, long expected, string field, string formula) =>
        Require(actual == expected, field, $"has {actual} entries, expected {formula} = {expected}");

    private static void RequireLength(float[] values, long expected, string field, string formula)
    {
        Require(values is not null, field, "is null");
        RequireCount(values!.Length, expected, field, formula);
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {problem}.", field);
        }
    }
}
