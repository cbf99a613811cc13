using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Evaluation.Reports;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// Evaluates a rating model trainer against the baselines on the same data: the trainer is any function from the
/// training and validation examples to an <see cref="IRatingPredictor"/> (the network trainer plugs in here), and the
/// baselines (<see cref="GlobalMeanPredictor"/>, <see cref="BiasPredictor"/>) are fitted on the same training part.
/// </summary>
public static class RatingEvaluation
{
    /// <summary>
    /// Trains on <paramref name="split"/>'s training part (the trainer may use the validation part, e.g. for early
    /// stopping), scores every part, fits and scores the baselines, and applies <see cref="RatingModelGate"/> on
    /// validation metrics. Bias baseline options default to <see cref="BiasPredictorOptions"/>'s.
    /// </summary>
    public static RatingEvaluationReport Evaluate(
        RatingDataset dataset,
        RatingSplit split,
        Func<IReadOnlyList<RatingExample>, IReadOnlyList<RatingExample>, IRatingPredictor> trainer,
        BiasPredictorOptions? biasOptions = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(trainer);
        var train = RatingSplits.Select(dataset.Examples, split.Train);
        var validation = RatingSplits.Select(dataset.Examples, split.Validation);
        var test = RatingSplits.Select(dataset.Examples, split.Test);

        var candidate = ScoreSplit(trainer(train, validation), train, validation, test);
        var globalMean = ScoreSplit(GlobalMeanPredictor.Train(train), train, validation, test);
        var biases = ScoreSplit(BiasPredictor.Train(train, biasOptions), train, validation, test);
        var gate = RatingModelGate.Choose(candidate.Validation, new Dictionary<string, RegressionMetrics>(StringComparer.Ordinal)
        {
            [RatingBaselineNames.GlobalMean] = globalMean.Validation,
            [RatingBaselineNames.Biases] = biases.Validation,
        });

        return new RatingEvaluationReport(
            dataset.Name,
            candidate.Train,
            candidate.Validation,
            candidate.Test,
            new SplitBaselines(globalMean, biases),
            BestAchievableR2(dataset, split.Test),
            gate);
    }

    /// <summary>
    /// For each fold: trains on its training part (with its validation part), scores its held-out part, and does the
    /// same for the baselines; reports per-fold metrics and their means.
    /// </summary>
    public static RatingKFoldReport EvaluateKFold(
        RatingDataset dataset,
        IReadOnlyList<RatingFold> folds,
        Func<IReadOnlyList<RatingExample>, IReadOnlyList<RatingExample>, IRatingPredictor> trainer,
        BiasPredictorOptions? biasOptions = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(trainer);
        var candidate = new List<RegressionMetrics>(folds.Count);
        var globalMean = new List<RegressionMetrics>(folds.Count);
        var biases = new List<RegressionMetrics>(folds.Count);
        var best = new List<double>();
        foreach (var fold in folds)
        {
            var train = RatingSplits.Select(dataset.Examples, fold.Train);
            var validation = RatingSplits.Select(dataset.Examples, fold.Validation);
            var test = RatingSplits.Select(dataset.Examples, fold.Test);
            candidate.Add(trainer(train, validation).Score(test));
            globalMean.Add(GlobalMeanPredictor.Train(train).Score(test));
            biases.Add(BiasPredictor.Train(train, biasOptions).Score(test));
            if (BestAchievableR2(dataset, fold.Test) is { } r2)
            {
                best.Add(r2);
            }
        }

        return new RatingKFoldReport(
            dataset.Name,
            folds.Count,
            candidate,
            MeanMetrics.Of(candidate),
            new KFoldBaselines(new KFoldMetrics(globalMean, MeanMetrics.Of(globalMean)), new KFoldMetrics(biases, MeanMetrics.Of(biases))),
            best.Count == 0 ? null : best.Average());
    }

    /// <summary>
    /// The R² of the dataset's best possible predictions on the examples at <paramref name="indices"/>; null when the
    /// dataset has none (its generating model is unknown) or R² is undefined there.
    /// </summary>
    public static double? BestAchievableR2(RatingDataset dataset, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(indices);
        if (dataset.BestPredictions is not { } best)
        {
            return null;
        }

        var scored = new RegressionAccumulator();
        foreach (var i in indices)
        {
            scored.Add(dataset.Examples[i].Target, best[i]);
        }

        return scored.ToMetrics().R2;
    }

    private static SplitMetrics ScoreSplit(IRatingPredictor predictor, IReadOnlyList<RatingExample> train, IReadOnlyList<RatingExample> validation, IReadOnlyList<RatingExample> test) =>
        new(predictor.Score(train), predictor.Score(validation), predictor.Score(test));
}
