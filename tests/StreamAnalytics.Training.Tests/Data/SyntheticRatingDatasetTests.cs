using System.Globalization;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Synthetic;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Evaluation.Reports;
using StreamAnalytics.Training.Rating.Data;
using Xunit.Abstractions;

namespace StreamAnalytics.Training.Tests.Data;

/// <summary>The 100,000-rating synthetic dataset, built once for the tests that share it.</summary>
public sealed class SyntheticRatingsFixture
{
    public const int Ratings = 100_000;

    public RatingDataset Dataset { get; } = SyntheticRatingDataset.Create(new SyntheticFeedOptions(), Ratings);
}

public sealed class SyntheticRatingDatasetTests(SyntheticRatingsFixture fixture, ITestOutputHelper output) : IClassFixture<SyntheticRatingsFixture>
{
    [Fact]
    public void The_dataset_has_the_ratings_asked_for_each_with_its_best_prediction()
    {
        var dataset = fixture.Dataset;

        Assert.Equal(SyntheticRatingsFixture.Ratings, dataset.Examples.Count);
        Assert.Equal(dataset.Examples.Count, dataset.BestPredictions!.Count);
        Assert.All(dataset.Examples, e => Assert.InRange(e.Target, 1f, 5f));
        Assert.All(dataset.BestPredictions, p => Assert.InRange(p, 1f, 5f));
        Assert.Equal(RatingFeatureVector.Count, dataset.Examples[0].Features.Length);
        Assert.Equal(0f, TestRatings.Feature(dataset.Examples[0], "user_log_ratings"));
    }

    [Fact]
    public void The_bias_baseline_beats_the_mean_but_not_the_best_achievable_r2_on_the_time_ordered_test_split()
    {
        var dataset = fixture.Dataset;
        var split = RatingSplits.TimeOrdered(dataset.Examples);

        var report = RatingEvaluation.Evaluate(dataset, split, (train, _) => BiasPredictor.Train(train));
        output.WriteLine(RatingReportJson.Serialize(report));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synthetic 100k test: biases R² {report.Baselines.Biases.Test.R2:F4}, global mean R² {report.Baselines.GlobalMean.Test.R2:F4}, best achievable R² {report.BestAchievableR2:F4}"));

        var biases = report.Baselines.Biases.Test.R2!.Value;
        var best = report.BestAchievableR2!.Value;
        Assert.InRange(report.Baselines.GlobalMean.Test.R2!.Value, -0.01, 0.01);
        Assert.True(biases > 0.2, $"biases R² {biases}");
        Assert.True(best > biases + 0.05, $"best {best}, biases {biases}: the factors carry signal the biases cannot use");
        Assert.True(best < 1, $"best {best}: the noise cannot be predicted");
    }

    [Fact]
    public void The_bias_regularisation_default_is_near_the_best_on_validation()
    {
        var dataset = fixture.Dataset;
        var split = RatingSplits.TimeOrdered(dataset.Examples);
        var train = RatingSplits.Select(dataset.Examples, split.Train);
        var validation = RatingSplits.Select(dataset.Examples, split.Validation);

        var rmse = new[] { 0.0, 1, 2, 5, 10, 25, 100 }
            .ToDictionary(lambda => lambda, lambda => BiasPredictor.Train(train, new BiasPredictorOptions(lambda)).Score(validation).Rmse!.Value);
        output.WriteLine(string.Join(", ", rmse.Select(r => string.Create(CultureInfo.InvariantCulture, $"λ {r.Key}: {r.Value:F4}"))));

        Assert.True(rmse[new BiasPredictorOptions().Regularization] <= rmse.Values.Min() + 0.002);
    }
}
