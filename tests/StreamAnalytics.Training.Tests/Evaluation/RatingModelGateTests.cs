using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Baselines;

namespace StreamAnalytics.Training.Tests.Evaluation;

public sealed class RatingModelGateTests
{
    private static readonly Dictionary<string, RegressionMetrics> Baselines = new(StringComparer.Ordinal)
    {
        [RatingBaselineNames.GlobalMean] = Metrics(1.0),
        [RatingBaselineNames.Biases] = Metrics(0.8),
    };

    [Fact]
    public void A_candidate_that_beats_every_baseline_is_accepted()
    {
        var decision = RatingModelGate.Choose(Metrics(0.7), Baselines);

        Assert.True(decision.Accepted);
        Assert.Equal(RatingModelGate.Candidate, decision.Served);
    }

    [Fact]
    public void A_candidate_that_beats_only_the_mean_is_rejected_and_the_best_baseline_is_served()
    {
        var decision = RatingModelGate.Choose(Metrics(0.9), Baselines);

        Assert.False(decision.Accepted);
        Assert.Equal(RatingBaselineNames.Biases, decision.Served);
        Assert.Contains("biases", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_with_a_baseline_is_not_a_win()
    {
        var decision = RatingModelGate.Choose(Metrics(0.8), Baselines);

        Assert.False(decision.Accepted);
        Assert.Equal(RatingBaselineNames.Biases, decision.Served);
    }

    [Fact]
    public void A_candidate_with_undefined_rmse_is_rejected()
    {
        var decision = RatingModelGate.Choose(new RegressionMetrics(10, null, null, null, null), Baselines);

        Assert.False(decision.Accepted);
        Assert.Equal(RatingBaselineNames.Biases, decision.Served);
    }

    [Fact]
    public void Baselines_tied_on_rmse_are_chosen_by_name_so_the_decision_is_deterministic()
    {
        var tied = new Dictionary<string, RegressionMetrics>(StringComparer.Ordinal) { ["globalMean"] = Metrics(0.8), ["biases"] = Metrics(0.8) };

        Assert.Equal("biases", RatingModelGate.Choose(Metrics(0.9), tied).Served);
    }

    [Fact]
    public void No_baseline_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RatingModelGate.Choose(Metrics(0.5), new Dictionary<string, RegressionMetrics>()));
    }

    private static RegressionMetrics Metrics(double rmse) => new(100, rmse * rmse, rmse, rmse * 0.8, 0.1);
}
