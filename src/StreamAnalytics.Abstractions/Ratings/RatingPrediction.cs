namespace StreamAnalytics.Abstractions.Ratings;

/// <summary>A rating the model predicts a user would give a product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Rating">The predicted rating on the model's scale (1-5 by default): the model's output plus the
/// user's and the product's online biases, clipped to the scale.</param>
/// <param name="ModelVersion">The version of the model that predicted it.</param>
/// <param name="PredictedAt">When it was predicted, UTC.</param>
[GenerateSerializer, Immutable]
public sealed record RatingPrediction(
    [property: Id(0)] string ProductId,
    [property: Id(1)] float Rating,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] DateTimeOffset PredictedAt);
