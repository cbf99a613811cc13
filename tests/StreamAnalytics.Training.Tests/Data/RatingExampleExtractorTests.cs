using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Training.Rating.Data;
using static StreamAnalytics.Training.Tests.Data.TestRatings;

namespace StreamAnalytics.Training.Tests.Data;

public sealed class RatingExampleExtractorTests
{
    [Fact]
    public void Only_events_with_a_rating_become_examples_with_that_rating_as_target()
    {
        var examples = RatingExampleExtractor.Extract(
        [
            Event("u1", "p1", InteractionType.View, 0),
            Event("u1", "p1", InteractionType.Purchase, 1, price: 10),
            Event("u1", "p1", InteractionType.Rating, 2, rating: 4),
            Event("u1", "p1", InteractionType.Review, 3, rating: 2),
            Event("u1", "p1", InteractionType.Review, 4),
        ]);

        Assert.Equal([4f, 2f], examples.Select(e => e.Target));
        Assert.All(examples, e => Assert.Equal(("u1", "p1"), (e.UserId, e.ProductId)));
        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(3)], examples.Select(e => e.Timestamp));
    }

    [Fact]
    public void The_first_rating_of_a_user_sees_a_rating_count_of_zero()
    {
        var examples = RatingExampleExtractor.Extract(
        [
            Event("u1", "p1", InteractionType.View, 0),
            Event("u1", "p1", InteractionType.Rating, 1, rating: 5),
            Event("u1", "p2", InteractionType.Rating, 2, rating: 1),
        ]);

        Assert.Equal(0f, Feature(examples[0], "user_log_ratings"));
        Assert.Equal(0f, Feature(examples[0], "user_rating_mean_centred"));
        Assert.Equal(0f, Feature(examples[0], "product_log_ratings"));
        Assert.Equal((float)Math.Log(2), Feature(examples[1], "user_log_ratings"), 5);
        Assert.Equal(2f, Feature(examples[1], "user_rating_mean_centred"));
        Assert.Equal(0f, Feature(examples[1], "product_known"));
    }

    [Fact]
    public void A_rating_never_leaks_into_its_own_features()
    {
        IReadOnlyList<InteractionEvent> History(double rating) =>
        [
            Event("u1", "p1", InteractionType.View, 0),
            Event("u2", "p1", InteractionType.Rating, 1, rating: 3),
            Event("u1", "p1", InteractionType.Rating, 2, rating: rating),
        ];

        var low = RatingExampleExtractor.Extract(History(1))[1];
        var high = RatingExampleExtractor.Extract(History(5))[1];

        Assert.Equal(1f, low.Target);
        Assert.Equal(5f, high.Target);
        Assert.Equal(low.Features, high.Features);
        Assert.Equal(1f, Feature(low, "user_known"));
        Assert.Equal((float)Math.Log(2), Feature(low, "user_log_views"), 5);
        Assert.Equal(0f, Feature(low, "user_log_ratings"));
    }

    [Fact]
    public void Events_are_replayed_in_event_time_order_keeping_ties_in_input_order()
    {
        var examples = RatingExampleExtractor.Extract(
        [
            Event("u1", "p1", InteractionType.Rating, 5, rating: 2),
            Event("u1", "p2", InteractionType.Rating, 5, rating: 3),
            Event("u1", "p3", InteractionType.Rating, 1, rating: 4),
        ]);

        Assert.Equal(["p3", "p1", "p2"], examples.Select(e => e.ProductId));
        Assert.Equal(0f, Feature(examples[0], "user_log_ratings"));
        Assert.Equal((float)Math.Log(3), Feature(examples[2], "user_log_ratings"), 5);
    }

    [Fact]
    public void The_streaming_path_refuses_events_that_go_back_in_time()
    {
        var events = new[] { Event("u1", "p1", InteractionType.View, 5), Event("u1", "p1", InteractionType.View, 4) };

        Assert.Throws<ArgumentException>(() => RatingExampleExtractor.ExtractOrdered(events).ToList());
    }

    [Fact]
    public void The_arrival_order_extractor_takes_events_that_go_back_in_time_as_the_grains_do()
    {
        var extractor = RatingExampleExtractor.InArrivalOrder();

        Assert.Null(extractor.Next(Event("u1", "p1", InteractionType.View, 5)));
        var example = extractor.Next(Event("u1", "p1", InteractionType.Rating, 4, rating: 2));

        Assert.NotNull(example);
        Assert.Equal(T0.AddMinutes(4), example.Timestamp);
        Assert.Equal(1f, Feature(example, "user_known"));
    }

    [Fact]
    public void An_extractor_resumed_from_another_ones_state_builds_the_same_features_as_one_that_never_stopped()
    {
        InteractionEvent[] before = [Event("u1", "p1", InteractionType.View, 0), Event("u1", "p1", InteractionType.Rating, 1, rating: 5), Event("u2", "p1", InteractionType.Purchase, 2, price: 10)];
        var after = Event("u1", "p1", InteractionType.Rating, 3, rating: 1);
        var continuous = RatingExampleExtractor.InArrivalOrder();
        var stopped = RatingExampleExtractor.InArrivalOrder();
        foreach (var interaction in before)
        {
            continuous.Next(interaction);
            stopped.Next(interaction);
        }

        var resumed = RatingExampleExtractor.InArrivalOrder(stopped.Users, stopped.Products);

        Assert.Equal(["u1", "u2"], resumed.Users.Keys.Order());
        Assert.Equal(continuous.Next(after)!.Features, resumed.Next(after)!.Features);
    }
}
