using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Features;
using static StreamAnalytics.Grains.Tests.Features.TestEvents;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class UserFeaturesTests
{
    [Fact]
    public void A_new_user_has_empty_features()
    {
        var view = new UserFeatures().ToView();

        Assert.All(view.Counts.Values, count => Assert.Equal(0, count));
        Assert.Equal(0m, view.Spend);
        Assert.Equal(0, view.RatingCount);
        Assert.Equal(0, view.RatingMean);
        Assert.Null(view.FirstSeen);
        Assert.Null(view.LastSeen);
        Assert.Equal(0, view.DistinctProducts);
        Assert.Empty(view.TopCategories);
        Assert.Equal(new WindowCountsView(0, 0), view.Window);
        Assert.Equal(0, view.EventsApplied);
    }

    [Fact]
    public void The_profile_is_the_latest_age_and_location_given_and_survives_events_without_one()
    {
        var features = new UserFeatures();

        features.Apply(Create(InteractionType.View) with { Age = 30, Location = "Ohio" });
        features.Apply(Create(InteractionType.View));
        Assert.Equal((30, "Ohio"), (features.ToView().Age, features.ToView().Location));

        features.Apply(Create(InteractionType.View) with { Age = 31, Location = "Utah" });
        Assert.Equal((31, "Utah"), (features.ToView().Age, features.ToView().Location));
    }

    [Fact]
    public void Spend_is_price_times_quantity_over_purchases_with_quantity_defaulting_to_one()
    {
        var features = new UserFeatures();

        features.Apply(Create(InteractionType.Purchase, price: 10.50m, quantity: 3));
        features.Apply(Create(InteractionType.Purchase, price: 4.25m));
        features.Apply(Create(InteractionType.AddToCart, price: 100m, quantity: 2));
        features.Apply(Create(InteractionType.Purchase));

        Assert.Equal(35.75m, features.ToView().Spend);
    }

    [Fact]
    public void Ratings_come_from_rating_and_review_events_that_carry_one()
    {
        var features = new UserFeatures();

        features.Apply(Create(InteractionType.Rating, rating: 4));
        features.Apply(Create(InteractionType.Review, rating: 2));
        features.Apply(Create(InteractionType.Review));
        features.Apply(Create(InteractionType.View, rating: 5));

        var view = features.ToView();
        Assert.Equal(2, view.RatingCount);
        Assert.Equal(3, view.RatingMean, 12);
    }

    [Fact]
    public void First_and_last_seen_follow_event_time_not_arrival_order()
    {
        var features = new UserFeatures();

        features.Apply(Create(InteractionType.View, T0.AddHours(1)));
        features.Apply(Create(InteractionType.View, T0));
        features.Apply(Create(InteractionType.View, T0.AddMinutes(30)));

        var view = features.ToView();
        Assert.Equal(T0, view.FirstSeen);
        Assert.Equal(T0.AddHours(1), view.LastSeen);
    }

    [Fact]
    public void Counts_products_categories_windows_and_events()
    {
        var features = new UserFeatures();

        features.Apply(Create(InteractionType.View, T0, product: "p1", category: "books"));
        features.Apply(Create(InteractionType.View, T0.AddMinutes(5), product: "p2", category: "books"));
        features.Apply(Create(InteractionType.AddToCart, T0.AddMinutes(6), product: "p2", category: "books"));
        features.Apply(Create(InteractionType.Like, T0.AddHours(3), product: "p3", category: "toys"));

        var view = features.ToView();
        Assert.Equal(2, view.Counts["view"]);
        Assert.Equal(1, view.Counts["add_to_cart"]);
        Assert.Equal(1, view.Counts["like"]);
        Assert.Equal(3, view.DistinctProducts);
        Assert.Equal([new CategoryCount("books", 3), new CategoryCount("toys", 1)], view.TopCategories);
        Assert.Equal(new WindowCountsView(1, 4), view.Window);
        Assert.Equal(4, view.EventsApplied);
    }

    [Fact]
    public void Top_categories_in_the_view_are_limited_to_k()
    {
        var features = new UserFeatures();
        for (var i = 0; i < 10; i++)
        {
            features.Apply(Create(InteractionType.View, category: "c" + i));
        }

        Assert.Equal(5, features.ToView().TopCategories.Count);
        Assert.Equal(2, features.ToView(topCategories: 2).TopCategories.Count);
    }
}
