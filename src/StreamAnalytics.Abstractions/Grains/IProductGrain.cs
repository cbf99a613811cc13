using StreamAnalytics.Abstractions.Features;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>One product's features, kept from the <c>product</c>/{productId} stream. Keyed by product id.</summary>
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>The product's features, or <see langword="null"/> when no event of the product was applied.</summary>
    Task<ProductFeaturesView?> GetFeatures();
}
