using StreamAnalytics.Abstractions.Features;

namespace StreamAnalytics.Inference.Rating;

/// <summary>One user-product pair to score, with the freshest features of each (null: never seen).</summary>
/// <param name="UserId">The user; an id the model was not trained on uses its unknown row.</param>
/// <param name="User">The user's features.</param>
/// <param name="ProductId">The product; an id the model was not trained on uses its unknown row.</param>
/// <param name="Product">The product's features.</param>
public readonly record struct RatingQuery(string UserId, UserFeaturesView? User, string ProductId, ProductFeaturesView? Product);
