using Orleans.Concurrency;
using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>One product's features, kept from the <c>product</c>/{productId} stream. Keyed by product id.</summary>
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>The product's features, or <see langword="null"/> when no event of the product was applied.</summary>
    Task<ProductFeaturesView?> GetFeatures();

    /// <summary>
    /// The product's features and online bias for a user grain's prediction. Interleaves with the grain's own work:
    /// a user grain may ask while this grain is waiting for that user (no deadlock), and it only reads.
    /// </summary>
    [AlwaysInterleave]
    Task<ProductRatingContext> GetRatingContext();
}
