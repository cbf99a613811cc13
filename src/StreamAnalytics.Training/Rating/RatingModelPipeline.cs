using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Evaluation.Reports;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// From a dataset to the model that gets served: trains the network on the split's training part (early stopping on
/// its validation part), evaluates it beside the baselines, lets <see cref="RatingModelGate"/> choose on validation,
/// and returns the chosen model's weights, so a candidate that does not beat the baselines is never shipped.
/// </summary>
public static class RatingModelPipeline
{
    /// <summary>Trains, evaluates and gates on <paramref name="split"/>.</summary>
    public static RatingPipelineResult Run(RatingDataset dataset, RatingSplit split, RatingTrainingOptions options, IProgress<RatingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        RatingTrainingResult? trained = null;
        try
        {
            var report = RatingEvaluation.Evaluate(dataset, split, (train, validation) =>
            {
                trained = Train(dataset, train, validation, options, progress);
                return new NetworkRatingPredictor(trained);
            });
            var train = RatingSplits.Select(dataset.Examples, split.Train);
            var served = report.Gate.Served switch
            {
                RatingModelGate.Candidate => trained!.ToWeights(),
                RatingBaselineNames.GlobalMean => BaselineRatingWeights.GlobalMean(GlobalMeanPredictor.Train(train), dataset.FeatureNames, dataset.RatingMin, dataset.RatingMax),
                _ => BaselineRatingWeights.Biases(
                    BiasPredictor.Train(train),
                    RatingVocabulary.Of(train.Select(e => e.UserId)),
                    RatingVocabulary.Of(train.Select(e => e.ProductId)),
                    dataset.FeatureNames,
                    dataset.RatingMin,
                    dataset.RatingMax),
            };
            var servedTest = report.Gate.Served switch
            {
                RatingModelGate.Candidate => report.Test,
                RatingBaselineNames.GlobalMean => report.Baselines.GlobalMean.Test,
                _ => report.Baselines.Biases.Test,
            };
            return new RatingPipelineResult(report, served, servedTest, trained!.Seconds, trained.BestEpoch, trained.Epochs.Count);
        }
        finally
        {
            trained?.Dispose();
        }
    }

    /// <summary>
    /// Trains the network on <paramref name="train"/> with the ids seen there as its vocabularies (every other id is
    /// the unknown row) and the dataset's rating scale.
    /// </summary>
    public static RatingTrainingResult Train(
        RatingDataset dataset, IReadOnlyList<RatingExample> train, IReadOnlyList<RatingExample> validation, RatingTrainingOptions options, IProgress<RatingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var users = RatingVocabulary.Of(train.Select(e => e.UserId));
        var products = RatingVocabulary.Of(train.Select(e => e.ProductId));
        options.RatingMin = dataset.RatingMin;
        options.RatingMax = dataset.RatingMax;
        return new RatingTrainer(options).Train(
            RatingTrainingData.FromExamples(train, users, products, dataset.FeatureNames),
            RatingTrainingData.FromExamples(validation, users, products, dataset.FeatureNames),
            progress);
    }
}

/// <summary>What <see cref="RatingModelPipeline.Run"/> produced.</summary>
/// <param name="Report">The candidate and the baselines on every part, and the gate's decision.</param>
/// <param name="Served">The weights of what the gate chose (the candidate or a baseline), ready for export.</param>
/// <param name="ServedTest">The test metrics of what is served.</param>
/// <param name="TrainSeconds">Wall-clock seconds the network trained.</param>
/// <param name="BestEpoch">The epoch whose weights the candidate kept.</param>
/// <param name="Epochs">Epochs run before early stopping.</param>
public sealed record RatingPipelineResult(RatingEvaluationReport Report, RatingModelWeights Served, RegressionMetrics ServedTest, double TrainSeconds, int BestEpoch, int Epochs);
