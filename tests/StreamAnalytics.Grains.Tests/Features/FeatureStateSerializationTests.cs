using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Features;
using static StreamAnalytics.Grains.Tests.Features.TestEvents;

namespace StreamAnalytics.Grains.Tests.Features;

/// <summary>The features will live in grain state: the Orleans serializer must carry every part of them.</summary>
public sealed class FeatureStateSerializationTests
{
    private static readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer()
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => _serializer.Deserialize<T>(_serializer.SerializeToArray(value))!;

    [Fact]
    public void User_features_survive_the_orleans_serializer_and_keep_updating()
    {
        var features = new UserFeatures();
        for (var i = 0; i < 10_050; i++)
        {
            features.Apply(Create(InteractionType.Purchase, T0.AddMinutes(i % 90), product: "p" + i, price: 1m, category: "c" + (i % 7), rating: 3));
        }

        var copy = RoundTrip(features);

        Assert.Equal(features.ToView() with { Counts = null!, TopCategories = null! }, copy.ToView() with { Counts = null!, TopCategories = null! });
        Assert.Equal(features.ToView().Counts, copy.ToView().Counts);
        Assert.Equal(features.ToView().TopCategories, copy.ToView().TopCategories);
        Assert.False(copy.DistinctProducts.IsExact);

        copy.Apply(Create(InteractionType.View, T0.AddHours(3), product: "p-new"));
        Assert.Equal(10_051, copy.EventsApplied);
    }

    [Fact]
    public void Product_features_survive_the_orleans_serializer()
    {
        var features = new ProductFeatures(TimeSpan.FromMinutes(5));
        features.Apply(Create(InteractionType.View, T0, user: "a"));
        features.Apply(Create(InteractionType.Purchase, T0.AddMinutes(5), user: "b", price: 2.5m, quantity: 4));

        var copy = RoundTrip(features);

        Assert.Equal(TimeSpan.FromMinutes(5), copy.Trending.HalfLife);
        Assert.Equal(features.ToView() with { Counts = null! }, copy.ToView() with { Counts = null! });
        Assert.Equal(features.ToView().Counts, copy.ToView().Counts);
    }

    [Fact]
    public void Interaction_events_and_views_survive_the_orleans_serializer()
    {
        var interaction = Create(InteractionType.Review, rating: 4.5, price: 3m, quantity: 1, category: "books");
        var features = new UserFeatures();
        features.Apply(interaction);
        var view = features.ToView();

        Assert.Equal(interaction, RoundTrip(interaction));
        var viewCopy = RoundTrip(view);
        Assert.Equal(view.Counts, viewCopy.Counts);
        Assert.Equal(view.TopCategories, viewCopy.TopCategories);
        Assert.Equal(view.Window, viewCopy.Window);
        Assert.Equal(view.FirstSeen, viewCopy.FirstSeen);
    }
}
