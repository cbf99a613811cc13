namespace StreamAnalytics.Training.Rating.Data;

/// <summary>
/// One rating to learn from or to predict: who rated what and when, the side features as they were just before the
/// rating (in the order of <c>RatingFeatureVector.Names</c>, possibly followed by dataset-specific extras), and the
/// rating itself.
/// </summary>
/// <param name="UserId">The user who rated.</param>
/// <param name="ProductId">The product rated.</param>
/// <param name="Timestamp">When the rating happened (event time, UTC).</param>
/// <param name="Features">The side features; never contain the rating itself.</param>
/// <param name="Target">The rating, on the dataset's scale.</param>
public sealed record RatingExample(string UserId, string ProductId, DateTimeOffset Timestamp, float[] Features, float Target);
