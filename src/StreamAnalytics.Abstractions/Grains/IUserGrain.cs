using Orleans.Concurrency;
using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>
/// One user: the features kept from the <c>user</c>/{userId} stream, the online rating predictions made as the user
/// browses, and recommendations. Keyed by user id.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>The user's features, or <see langword="null"/> when no event of the user was applied.</summary>
    Task<UserFeaturesView?> GetFeatures();

    /// <summary>
    /// The rating the user would give <paramref name="productId"/>, from the freshest features of both; null while no
    /// rating model is loaded on this silo.
    /// </summary>
    Task<RatingPrediction?> PredictRating(string productId);

    /// <summary>
    /// The <paramref name="k"/> candidate products (popular and trending) with the highest predicted rating, ranked in
    /// one batched model call; null while no rating model is loaded on this silo.
    /// </summary>
    Task<Recommendations?> Recommend(int k);

    /// <summary>The latest predictions made as the user viewed, liked or carted products, newest first.</summary>
    Task<IReadOnlyList<RatingPrediction>> GetRecentPredictions();

    /// <summary>
    /// The user's features and online bias for a product grain's prediction. Interleaves with the grain's own work:
    /// a product grain may ask while this grain is waiting for that product (no deadlock), and it only reads.
    /// </summary>
    [AlwaysInterleave]
    Task<UserRatingContext> GetRatingContext();
}
