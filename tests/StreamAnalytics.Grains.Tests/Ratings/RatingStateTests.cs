using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Grains.Ratings;

namespace StreamAnalytics.Grains.Tests.Ratings;

public sealed class RatingStateTests
{
    [Fact]
    public void A_bias_learnt_against_one_version_is_not_added_to_another()
    {
        var state = new RatingState();
        state.Learn("v1", error: 2f, learningRate: 0.5f, regularization: 0f);

        Assert.Equal(1f, state.BiasFor("v1"));
        Assert.Equal(0f, state.BiasFor("v2"));
    }

    [Fact]
    public void Learning_against_a_new_version_starts_the_bias_from_zero()
    {
        var state = new RatingState();
        state.Learn("v1", error: 2f, learningRate: 0.5f, regularization: 0f);
        state.Learn("v2", error: 1f, learningRate: 0.5f, regularization: 0f);

        Assert.Equal("v2", state.BiasVersion);
        Assert.Equal(0.5f, state.BiasFor("v2"));
        Assert.Equal(1, state.Bias.Updates);
    }

    [Fact]
    public void Remembered_predictions_are_newest_first_and_bounded()
    {
        var state = new RatingState();
        var at = DateTimeOffset.UnixEpoch;
        state.Remember([new RatingPrediction("p1", 3f, "v1", at), new RatingPrediction("p2", 4f, "v1", at)], keep: 3);
        state.Remember([new RatingPrediction("p3", 2f, "v1", at), new RatingPrediction("p4", 5f, "v1", at)], keep: 3);

        Assert.Equal(["p4", "p3", "p2"], state.Recent.Select(p => p.ProductId));
    }
}
