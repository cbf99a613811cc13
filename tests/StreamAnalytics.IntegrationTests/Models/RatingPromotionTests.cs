using StreamAnalytics.Silo.Training;

namespace StreamAnalytics.IntegrationTests.Models;

public sealed class RatingPromotionTests
{
    private static readonly Dictionary<string, double?> Baselines = new() { ["globalMean"] = 1.10, ["biases"] = 0.90 };

    [Fact]
    public void A_candidate_better_than_the_active_version_and_the_baselines_is_promoted()
    {
        var (promote, reason) = RatingPromotion.Decide(0.80, 0.85, Baselines);

        Assert.True(promote, reason);
    }

    [Fact]
    public void A_candidate_no_better_than_the_active_version_is_rejected()
    {
        var (promote, reason) = RatingPromotion.Decide(0.85, 0.85, Baselines);

        Assert.False(promote);
        Assert.Contains("not better than the active version's 0.8500", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_worse_than_the_best_baseline_is_rejected_even_when_it_beats_the_active_version()
    {
        var (promote, reason) = RatingPromotion.Decide(0.95, 1.40, Baselines);

        Assert.False(promote);
        Assert.Contains("biases baseline's 0.9000", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_nothing_active_only_the_baselines_bind()
    {
        Assert.True(RatingPromotion.Decide(0.90, null, Baselines).Promote);
        Assert.False(RatingPromotion.Decide(0.91, null, Baselines).Promote);
    }

    [Fact]
    public void A_candidate_without_a_held_out_rmse_is_never_promoted()
    {
        Assert.False(RatingPromotion.Decide(null, null, new Dictionary<string, double?>()).Promote);
        Assert.False(RatingPromotion.Decide(double.NaN, null, Baselines).Promote);
    }
}
