using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>Scores an <see cref="IRatingPredictor"/> on a set of examples.</summary>
public static class PredictorScoring
{
    /// <summary>The metrics of <paramref name="predictor"/> on <paramref name="examples"/> (batched predictions).</summary>
    public static RegressionMetrics Score(this IRatingPredictor predictor, IReadOnlyList<RatingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(examples);
        var predictions = new float[examples.Count];
        predictor.PredictBatch(examples, predictions);
        return RegressionMetrics.Compute(Targets(examples), predictions);
    }

    /// <summary>The ratings of <paramref name="examples"/>, in order.</summary>
    public static float[] Targets(IReadOnlyList<RatingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var targets = new float[examples.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = examples[i].Target;
        }

        return targets;
    }
}
