using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Features;
using static StreamAnalytics.Grains.Tests.Features.TestEvents;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class ProductFeaturesTests
{
    [Fact]
    public void Price_and_category_are_the_latest_given_and_survive_events_without_them()
    {
        var features = new ProductFeatures();

        features.Apply(Create(InteractionType.View, price: 9.5m, category: "books"));
        features.Apply(Create(InteractionType.Like));
        Assert.Equal((9.5m, "books"), (features.ToView().Price, features.ToView().Category));

        features.Apply(Create(InteractionType.View, price: 8m, category: "sale"));
        Assert.Equal((8m, "sale"), (features.ToView().Price, features.ToView().Category));
    }

    [Fact]
    public void Conversion_rate_is_zero_without_views()
    {
        var features = new ProductFeatures();
        features.Apply(Create(InteractionType.Purchase, price: 5m));

        Assert.Equal(0, features.ToView().ConversionRate);
    }

    [Fact]
    public void Conversion_rate_is_purchases_over_views()
    {
        var features = new ProductFeatures();
        for (var i = 0; i < 8; i++)
        {
            features.Apply(Create(InteractionType.View, user: "u" + i));
        }

        features.Apply(Create(InteractionType.Purchase, user: "u1", price: 2m));
        features.Apply(Create(InteractionType.Purchase, user: "u2", price: 2m));
        features.Apply(Create(InteractionType.AddToCart, user: "u3"));

        Assert.Equal(0.25, features.ToView().ConversionRate, 12);
    }

    [Fact]
    public void Revenue_ratings_unique_users_and_events_are_counted()
    {
        var features = new ProductFeatures();

        features.Apply(Create(InteractionType.Purchase, user: "a", price: 9.99m, quantity: 2));
        features.Apply(Create(InteractionType.Purchase, user: "b", price: 1m));
        features.Apply(Create(InteractionType.Rating, user: "a", rating: 5));
        features.Apply(Create(InteractionType.Review, user: "c", rating: 4));
        features.Apply(Create(InteractionType.Like, user: "c"));

        var view = features.ToView();
        Assert.Equal(20.98m, view.Revenue);
        Assert.Equal(2, view.RatingCount);
        Assert.Equal(4.5, view.RatingMean, 12);
        Assert.Equal(3, view.UniqueUsers);
        Assert.Equal(5, view.EventsApplied);
        Assert.Equal(2, view.Counts["purchase"]);
    }

    [Fact]
    public void Trending_decays_with_the_configured_half_life()
    {
        var features = new ProductFeatures(TimeSpan.FromMinutes(30));

        features.Apply(Create(InteractionType.View, T0));
        features.Apply(Create(InteractionType.View, T0));
        features.Apply(Create(InteractionType.View, T0.AddMinutes(30)));

        Assert.Equal(2, features.ToView().Trending, 12);
    }

    [Fact]
    public void An_absurd_price_saturates_revenue_instead_of_throwing()
    {
        var features = new ProductFeatures();

        features.Apply(Create(InteractionType.Purchase, price: decimal.MaxValue, quantity: 2));

        Assert.Equal(decimal.MaxValue, features.ToView().Revenue);
    }
}
