using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// Ratings ready for the trainer: table rows (0 = unknown) and raw features per example, with the vocabularies that
/// name the rows. A training split and its validation split share the same vocabularies and feature names.
/// </summary>
public sealed class RatingTrainingData
{
    /// <summary>User table row per example (0 = unknown), length N.</summary>
    public required long[] UserIndex { get; init; }

    /// <summary>Product table row per example (0 = unknown), length N.</summary>
    public required long[] ProductIndex { get; init; }

    /// <summary>Raw side features, row-major N × F.</summary>
    public required float[] Features { get; init; }

    /// <summary>The rating per example, length N.</summary>
    public required float[] Target { get; init; }

    /// <summary>Names of the F features, in column order.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>User ids: <c>UserIds[i]</c> is row i + 1.</summary>
    public required IReadOnlyList<string> UserIds { get; init; }

    /// <summary>Product ids: <c>ProductIds[i]</c> is row i + 1.</summary>
    public required IReadOnlyList<string> ProductIds { get; init; }

    /// <summary>Examples N.</summary>
    public int Count => Target.Length;

    /// <summary>Features per example F.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>
    /// Builds the arrays from examples, mapping ids through the vocabularies; an id not in its vocabulary gets row 0.
    /// </summary>
    public static RatingTrainingData FromExamples(
        IEnumerable<RatingExample> examples,
        IReadOnlyList<string> userIds,
        IReadOnlyList<string> productIds,
        IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(featureNames);
        var userRows = RatingVocabulary.Rows(userIds);
        var productRows = RatingVocabulary.Rows(productIds);
        var featureCount = featureNames.Count;
        var users = new List<long>();
        var products = new List<long>();
        var features = new List<float>();
        var targets = new List<float>();
        foreach (var example in examples)
        {
            if (example.Features.Length != featureCount)
            {
                throw new ArgumentException(
                    $"Example {targets.Count} has {example.Features.Length} features, expected {featureCount}.", nameof(examples));
            }

            users.Add(userRows.GetValueOrDefault(example.UserId));
            products.Add(productRows.GetValueOrDefault(example.ProductId));
            features.AddRange(example.Features);
            targets.Add(example.Target);
        }

        return new RatingTrainingData
        {
            UserIndex = [.. users],
            ProductIndex = [.. products],
            Features = [.. features],
            Target = [.. targets],
            FeatureNames = [.. featureNames],
            UserIds = [.. userIds],
            ProductIds = [.. productIds],
        };
    }

    /// <summary>Checks the array lengths and that every row index lies inside its table.</summary>
    /// <exception cref="ArgumentException">Naming the first inconsistency.</exception>
    public void Validate()
    {
        var n = Target.Length;
        if (UserIndex.Length != n || ProductIndex.Length != n || Features.Length != (long)n * FeatureCount)
        {
            throw new ArgumentException(
                $"Expected {n} user and product indices and {n}×{FeatureCount} features, got {UserIndex.Length}, "
                + $"{ProductIndex.Length} and {Features.Length}.");
        }

        CheckRows(nameof(UserIndex), UserIndex, UserIds.Count);
        CheckRows(nameof(ProductIndex), ProductIndex, ProductIds.Count);
        for (var i = 0; i < n; i++)
        {
            if (!float.IsFinite(Target[i]))
            {
                throw new ArgumentException($"Target[{i}] is {Target[i]}.", nameof(Target));
            }
        }

        for (var i = 0; i < Features.Length; i++)
        {
            if (!float.IsFinite(Features[i]))
            {
                throw new ArgumentException($"Features[{i}] is {Features[i]}.", nameof(Features));
            }
        }
    }

    private static void CheckRows(string name, long[] rows, int known)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] < 0 || rows[i] > known)
            {
                throw new ArgumentException($"{name}[{i}] is {rows[i]}, outside 0..{known}.", name);
            }
        }
    }
}
