namespace StreamAnalytics.Training.Rating.Data;

/// <summary>
/// Rating examples and what the reports need about them.
/// </summary>
public sealed record RatingDataset
{
    /// <summary>A short name for reports (<c>synthetic</c>, <c>ecommerce</c>, <c>events</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The examples, in event-time order (ties in input order).</summary>
    public required IReadOnlyList<RatingExample> Examples { get; init; }

    /// <summary>The names of <see cref="RatingExample.Features"/>, in order.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The lowest rating of the scale (1 for the 1-5 scale).</summary>
    public required float RatingMin { get; init; }

    /// <summary>The highest rating of the scale (5 for the 1-5 scale).</summary>
    public required float RatingMax { get; init; }

    /// <summary>
    /// When the data's generating model is known (the synthetic feed), the best possible prediction of each example,
    /// index for index with <see cref="Examples"/>; null otherwise.
    /// </summary>
    public IReadOnlyList<float>? BestPredictions { get; init; }
}
