namespace StreamAnalytics.ModelExport.Rating;

/// <summary>
/// The trained rating model as plain arrays (no TorchSharp types), in the layout of the rating model contract:
/// row 0 of every user and product table is the "unknown" row; id <c>UserIds[i]</c> has row <c>i + 1</c>.
/// </summary>
public sealed record RatingModelWeights
{
    /// <summary>Latent factors per user and product (K).</summary>
    public required int Factors { get; init; }

    /// <summary>Units of the hidden layer (H).</summary>
    public required int Hidden { get; init; }

    /// <summary>Side features per example (F).</summary>
    public required int FeatureCount { get; init; }

    /// <summary>User ids of rows 1..U (length U).</summary>
    public required IReadOnlyList<string> UserIds { get; init; }

    /// <summary>Product ids of rows 1..P (length P).</summary>
    public required IReadOnlyList<string> ProductIds { get; init; }

    /// <summary>Names of the side features, in input order (length F).</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The constant added to every raw prediction.</summary>
    public required float GlobalBias { get; init; }

    /// <summary>Per-user bias, length U + 1.</summary>
    public required float[] UserBias { get; init; }

    /// <summary>Per-product bias, length P + 1.</summary>
    public required float[] ProductBias { get; init; }

    /// <summary>User factors, (U + 1) × K row-major.</summary>
    public required float[] UserFactors { get; init; }

    /// <summary>Product factors, (P + 1) × K row-major.</summary>
    public required float[] ProductFactors { get; init; }

    /// <summary>Mean subtracted from each raw feature, length F.</summary>
    public required float[] FeatureMean { get; init; }

    /// <summary>Factor each centred feature is multiplied by, length F.</summary>
    public required float[] FeatureInvStd { get; init; }

    /// <summary>Hidden layer weight, H × (2K + F) row-major (torch Linear layout).</summary>
    public required float[] HiddenWeight { get; init; }

    /// <summary>Hidden layer bias, length H.</summary>
    public required float[] HiddenBias { get; init; }

    /// <summary>Output layer weight, length H.</summary>
    public required float[] OutputWeight { get; init; }

    /// <summary>Output layer bias.</summary>
    public required float OutputBias { get; init; }

    /// <summary>Lowest rating a prediction is clipped to.</summary>
    public required float RatingMin { get; init; }

    /// <summary>Highest rating a prediction is clipped to.</summary>
    public required float RatingMax { get; init; }

    /// <summary>Checks every array length against the dimensions.</summary>
    /// <exception cref="ArgumentException">Naming the first inconsistent length.</exception>
    public void Validate()
    {
        if (Factors <= 0 || Hidden <= 0 || FeatureCount < 0)
        {
            throw new ArgumentException(
                $"Factors ({Factors}) and Hidden ({Hidden}) must be positive and FeatureCount ({FeatureCount}) not negative.");
        }

        var users = UserIds.Count + 1;
        var products = ProductIds.Count + 1;
        var hiddenInputs = (2 * Factors) + FeatureCount;
        Check(nameof(FeatureNames), FeatureNames.Count, FeatureCount);
        Check(nameof(UserBias), UserBias.Length, users);
        Check(nameof(ProductBias), ProductBias.Length, products);
        Check(nameof(UserFactors), UserFactors.Length, users * Factors);
        Check(nameof(ProductFactors), ProductFactors.Length, products * Factors);
        Check(nameof(FeatureMean), FeatureMean.Length, FeatureCount);
        Check(nameof(FeatureInvStd), FeatureInvStd.Length, FeatureCount);
        Check(nameof(HiddenWeight), HiddenWeight.Length, Hidden * hiddenInputs);
        Check(nameof(HiddenBias), HiddenBias.Length, Hidden);
        Check(nameof(OutputWeight), OutputWeight.Length, Hidden);
        if (!(RatingMin <= RatingMax))
        {
            throw new ArgumentException($"RatingMin ({RatingMin}) must not exceed RatingMax ({RatingMax}).");
        }
    }

    private static void Check(string name, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has length {actual}, expected {expected}.", name);
        }
    }
}
