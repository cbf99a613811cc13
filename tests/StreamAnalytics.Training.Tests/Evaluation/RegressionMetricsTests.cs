using StreamAnalytics.Training.Evaluation;

namespace StreamAnalytics.Training.Tests.Evaluation;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Metrics_match_a_hand_computed_case()
    {
        // Errors 0, -1, 1, 0: SSE 2; ratings' mean 2.5, SST 5.
        var metrics = RegressionMetrics.Compute([1, 2, 3, 4], [1, 3, 2, 4]);

        Assert.Equal(4, metrics.Count);
        Assert.Equal(0.5, metrics.Mse!.Value, 12);
        Assert.Equal(Math.Sqrt(0.5), metrics.Rmse!.Value, 12);
        Assert.Equal(0.5, metrics.Mae!.Value, 12);
        Assert.Equal(0.6, metrics.R2!.Value, 12);
    }

    [Fact]
    public void R2_is_one_for_perfect_predictions_and_zero_for_the_sets_own_mean()
    {
        Assert.Equal(1.0, RegressionMetrics.Compute([1, 2, 3], [1, 2, 3]).R2!.Value, 12);
        Assert.Equal(0.0, RegressionMetrics.Compute([1, 2, 3], [2, 2, 2]).R2!.Value, 12);
        Assert.True(RegressionMetrics.Compute([1, 2, 3], [3, 3, 3]).R2 < 0);
    }

    [Fact]
    public void R2_stays_accurate_for_ratings_far_from_zero()
    {
        // Σx² − (Σx)²/n would lose every digit here; Welford's update does not.
        var metrics = RegressionMetrics.Compute([1_000_001, 1_000_002, 1_000_003, 1_000_004], [1_000_001, 1_000_003, 1_000_002, 1_000_004]);

        Assert.Equal(0.6, metrics.R2!.Value, 9);
    }

    [Fact]
    public void R2_is_null_not_nan_when_every_rating_is_the_same()
    {
        var metrics = RegressionMetrics.Compute([4, 4, 4], [4, 3, 5]);

        Assert.Null(metrics.R2);
        Assert.Equal(2.0 / 3, metrics.Mse!.Value, 12);
    }

    [Fact]
    public void An_empty_set_has_only_a_count()
    {
        Assert.Equal(new RegressionMetrics(0, null, null, null, null), RegressionMetrics.Compute([], []));
    }

    [Fact]
    public void Non_finite_predictions_give_null_metrics()
    {
        var metrics = RegressionMetrics.Compute([1, 2], [float.NaN, 2]);

        Assert.Null(metrics.Mse);
        Assert.Null(metrics.Rmse);
        Assert.Null(metrics.R2);
    }

    [Fact]
    public void Lists_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1]));
    }
}
