namespace StreamAnalytics.Training.Evaluation.Baselines;

/// <summary>The names the reports and the promotion gate give the baselines.</summary>
public static class RatingBaselineNames
{
    /// <summary>The training mean for every pair (<see cref="GlobalMeanPredictor"/>).</summary>
    public const string GlobalMean = "globalMean";

    /// <summary>The mean plus user and product biases (<see cref="BiasPredictor"/>).</summary>
    public const string Biases = "biases";
}
