using System.Text.Json;
using StreamAnalytics.Synthetic;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Evaluation.Reports;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Tests.Evaluation;

public sealed class RatingEvaluationTests
{
    private static readonly Lazy<RatingDataset> Small = new(() => SyntheticRatingDataset.Create(new SyntheticFeedOptions(Users: 300, Products: 100, Seed: 5), 6_000));

    [Fact]
    public void The_report_holds_the_candidate_and_both_baselines_on_every_split_in_camel_case_json()
    {
        var dataset = Small.Value;
        var split = RatingSplits.TimeOrdered(dataset.Examples);

        var report = RatingEvaluation.Evaluate(dataset, split, (train, _) => BiasPredictor.Train(train));
        using var json = JsonDocument.Parse(RatingReportJson.Serialize(report));
        var root = json.RootElement;

        foreach (var part in new[] { "train", "validation", "test" })
        {
            foreach (var metric in new[] { "count", "mse", "rmse", "mae", "r2" })
            {
                Assert.Equal(JsonValueKind.Number, root.GetProperty(part).GetProperty(metric).ValueKind);
                Assert.Equal(JsonValueKind.Number, root.GetProperty("baselines").GetProperty("globalMean").GetProperty(part).GetProperty(metric).ValueKind);
                Assert.Equal(JsonValueKind.Number, root.GetProperty("baselines").GetProperty("biases").GetProperty(part).GetProperty(metric).ValueKind);
            }
        }

        Assert.Equal(split.Test.Count, root.GetProperty("test").GetProperty("count").GetInt32());
        Assert.Equal("synthetic", root.GetProperty("dataset").GetString());
        Assert.True(root.GetProperty("bestAchievableR2").GetDouble() > report.Test.R2);
        Assert.Equal(report.Baselines.Biases.Test, report.Test);
    }

    [Fact]
    public void The_trainer_gets_exactly_the_training_and_validation_parts()
    {
        var dataset = Small.Value;
        var split = RatingSplits.TimeOrdered(dataset.Examples);
        (int Train, int Validation) seen = default;

        RatingEvaluation.Evaluate(dataset, split, (train, validation) =>
        {
            seen = (train.Count, validation.Count);
            Assert.True(train.Max(e => e.Timestamp) <= validation.Min(e => e.Timestamp));
            return new ConstantPredictor(3);
        });

        Assert.Equal((split.Train.Count, split.Validation.Count), seen);
    }

    [Fact]
    public void A_candidate_worse_than_the_baselines_is_not_served()
    {
        var dataset = Small.Value;

        var report = RatingEvaluation.Evaluate(dataset, RatingSplits.TimeOrdered(dataset.Examples), (_, _) => new ConstantPredictor(1));

        Assert.False(report.Gate.Accepted);
        Assert.Equal(RatingBaselineNames.Biases, report.Gate.Served);
        Assert.True(report.Test.R2 < 0);
    }

    [Fact]
    public void Datasets_without_a_known_model_report_no_best_achievable_r2()
    {
        var dataset = Small.Value with { BestPredictions = null };

        var report = RatingEvaluation.Evaluate(dataset, RatingSplits.TimeOrdered(dataset.Examples), (train, _) => GlobalMeanPredictor.Train(train));

        Assert.Null(report.BestAchievableR2);
        Assert.Contains("\"bestAchievableR2\": null", RatingReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_k_fold_report_has_one_entry_per_fold_and_their_mean()
    {
        var dataset = Small.Value;
        var folds = RatingSplits.KFold(dataset.Examples.Count, 4, seed: 3);

        var report = RatingEvaluation.EvaluateKFold(dataset, folds, (train, _) => BiasPredictor.Train(train));
        using var json = JsonDocument.Parse(RatingReportJson.Serialize(report));
        var root = json.RootElement;

        Assert.Equal(4, root.GetProperty("folds").GetArrayLength());
        Assert.Equal(4, root.GetProperty("k").GetInt32());
        Assert.Equal(report.Folds.Average(f => f.Rmse!.Value), root.GetProperty("mean").GetProperty("rmse").GetDouble(), 9);
        foreach (var metric in new[] { "rmse", "mae", "r2" })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty("folds")[0].GetProperty(metric).ValueKind);
        }
        Assert.Equal(4, root.GetProperty("baselines").GetProperty("globalMean").GetProperty("folds").GetArrayLength());
        Assert.Equal(report.Mean, report.Baselines.Biases.Mean);
        Assert.True(report.Mean.R2 > report.Baselines.GlobalMean.Mean.R2);
        Assert.True(report.BestAchievableR2 > report.Mean.R2);
    }
}
