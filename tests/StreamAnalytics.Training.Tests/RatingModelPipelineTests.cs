using StreamAnalytics.Synthetic;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;
using StreamAnalytics.Training.Tests.Data;
using Xunit.Abstractions;

namespace StreamAnalytics.Training.Tests;

/// <summary>
/// The quality bars of the rating model, end to end through <see cref="RatingModelPipeline"/> with the default
/// options, as <c>sa eval rating</c> runs it.
/// </summary>
[Collection(TrainingGroup.Name)]
public sealed class RatingModelPipelineTests(ITestOutputHelper output)
{
    [Fact]
    public void On_the_sa_produce_feed_the_served_model_reaches_nine_tenths_of_the_best_achievable_test_R2()
    {
        // The defaults of sa eval rating --format synthetic: 100,000 ratings, 2,000 users, 500 products, noise σ 0.5.
        var dataset = SyntheticRatingDataset.Create(new SyntheticFeedOptions(), 100_000);

        var result = RatingModelPipeline.Run(dataset, RatingSplits.TimeOrdered(dataset.Examples), new RatingTrainingOptions());

        var best = result.Report.BestAchievableR2!.Value;
        output.WriteLine($"test R² {result.ServedTest.R2:F4} of a best achievable {best:F4} ({result.ServedTest.R2 / best:P1}); "
            + $"biases {result.Report.Baselines.Biases.Test.R2:F4}; {result.TrainSeconds:F1} s, {result.Epochs} epochs");
        Assert.Equal(RatingModelGate.Candidate, result.Report.Gate.Served);
        Assert.True(result.ServedTest.R2 >= 0.9 * best, $"test R² {result.ServedTest.R2:F4} < 0.9 × {best:F4}");
    }

    [Fact]
    public void On_the_ecommerce_seed_protocol_what_is_served_is_never_worse_than_the_training_mean()
    {
        var dataset = EcommerceRatingDataset.Load(
            SharedDatasets.Folder("ecommerce", EcommerceRatingDataset.InteractionsFile, EcommerceRatingDataset.CustomersFile));
        var split = RatingSplits.TimeOrdered(dataset.Examples);

        var result = RatingModelPipeline.Run(dataset, split, new RatingTrainingOptions());

        var report = result.Report;
        var mean = report.Baselines.GlobalMean.Test;
        output.WriteLine($"model test MSE {report.Test.Mse:F4} R² {report.Test.R2:F4}; global mean MSE {mean.Mse:F4} R² {mean.R2:F4}; "
            + $"served {report.Gate.Served}: MSE {result.ServedTest.Mse:F4} R² {result.ServedTest.R2:F4} (seed: MSE 0.0436, R² -0.16)");
        Assert.True(result.ServedTest.Mse <= mean.Mse + 1e-9, $"served test MSE {result.ServedTest.Mse} > the training mean's {mean.Mse}");

        // The target carries no signal the features or ids could learn (every user and product occurs once), so the
        // best honest prediction is a constant, and a constant c scores R² = −(c − test mean)² / test variance ≤ 0 on
        // the test part. The training mean misses the test mean by sampling error alone: 95% of the time
        // (c − test mean)² stays under 1.96² × variance × (1/n_train + 1/n_test), which bounds R² from below.
        var bound = -1.96 * 1.96 * ((1.0 / split.Train.Count) + (1.0 / split.Test.Count));
        Assert.True(result.ServedTest.R2 >= bound, $"served test R² {result.ServedTest.R2:F4} < {bound:F4}, beyond the sampling error of a mean");
        Assert.True(result.ServedTest.R2 > -0.16, "no better than the seed");
    }

    [Fact]
    public void The_served_weights_score_on_the_test_part_what_the_report_says()
    {
        var dataset = EcommerceRatingDataset.Load(
            SharedDatasets.Folder("ecommerce", EcommerceRatingDataset.InteractionsFile, EcommerceRatingDataset.CustomersFile));
        var split = RatingSplits.TimeOrdered(dataset.Examples);
        var result = RatingModelPipeline.Run(dataset, split, new RatingTrainingOptions());
        var test = RatingSplits.Select(dataset.Examples, split.Test);
        var served = RatingTrainingData.FromExamples(test, result.Served.UserIds, result.Served.ProductIds, result.Served.FeatureNames);

        using var network = RatingNetwork.FromWeights(result.Served);
        var predictions = network.Predict(served.UserIndex, served.ProductIndex, served.Features);

        var metrics = RegressionMetrics.Compute(served.Target, predictions);
        Assert.Equal(result.ServedTest.Mse!.Value, metrics.Mse!.Value, 6);
    }
}
