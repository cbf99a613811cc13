using System.Globalization;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;
using SyntheticFeedOptions = StreamAnalytics.Synthetic.SyntheticFeedOptions;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// The rating model the benchmarks serve: trained on the synthetic feed's first ratings with
/// <see cref="RatingModelPipeline"/> as <c>sa train rating</c> runs it (about a second), so its ids are the feed's.
/// </summary>
internal static class RatingBenchModel
{
    /// <summary>The served weights (the gate's choice) and the training seconds.</summary>
    /// <param name="feed">The synthetic feed (users, products, seed) the ratings come from.</param>
    /// <param name="ratings">Ratings trained on.</param>
    /// <param name="log">Where the training summary is written.</param>
    public static (RatingModelWeights Weights, double Seconds) Train(SyntheticFeedOptions feed, int ratings, TextWriter log)
    {
        var dataset = SyntheticRatingDataset.Create(feed, ratings);
        var result = RatingModelPipeline.Run(dataset, RatingSplits.TimeOrdered(dataset.Examples), new RatingTrainingOptions { Seed = feed.Seed });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained in {result.TrainSeconds:F1} s; the gate serves {result.Report.Gate.Served} (test R² {result.ServedTest.R2:F3})"));
        return (result.Served, result.TrainSeconds);
    }
}
