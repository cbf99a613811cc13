namespace StreamAnalytics.Training.Rating;

/// <summary>One observed rating with the user's and product's side features at the time it was given.</summary>
/// <param name="UserId">The user who rated.</param>
/// <param name="ProductId">The product rated.</param>
/// <param name="Features">Raw side features, in the order of the data's feature names.</param>
/// <param name="Target">The rating given.</param>
public sealed record RatingExample(string UserId, string ProductId, float[] Features, float Target);
