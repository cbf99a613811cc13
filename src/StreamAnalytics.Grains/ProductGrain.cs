using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Features;
using StreamAnalytics.Grains.Streaming;

namespace StreamAnalytics.Grains;

/// <summary>Keeps one product's features from the <c>product</c>/{productId} stream.</summary>
[ImplicitStreamSubscription(StreamNames.ProductNamespace)]
public sealed class ProductGrain([PersistentState("product")] IPersistentState<FeatureState<ProductFeatures>> state, FeatureInstruments instruments)
    : FeatureGrain<ProductFeatures, ProductFeaturesView>(state, instruments), IProductGrain
{
    protected override string StreamNamespace => StreamNames.ProductNamespace;
}
