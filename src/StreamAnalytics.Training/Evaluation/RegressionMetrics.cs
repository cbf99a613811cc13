namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// How well predictions match ratings on one set of examples, in a JSON-friendly shape: a metric that is undefined
/// (an empty set, R² of a set whose ratings are all equal, a model that produced non-finite predictions) is null,
/// never NaN.
/// </summary>
/// <param name="Count">Examples scored.</param>
/// <param name="Mse">Mean squared error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="R2">
/// Coefficient of determination, <c>1 − SSE / SST</c>, with SST taken around the scored set's own mean (as
/// scikit-learn's <c>r2_score</c>): 0 means no better than predicting that mean, below 0 worse.
/// </param>
public sealed record RegressionMetrics(long Count, double? Mse, double? Rmse, double? Mae, double? R2)
{
    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/>, index for index.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static RegressionMetrics Compute(IReadOnlyList<float> actual, IReadOnlyList<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{actual.Count} ratings but {predicted.Count} predictions.", nameof(predicted));
        }

        var accumulator = new RegressionAccumulator();
        for (var i = 0; i < actual.Count; i++)
        {
            accumulator.Add(actual[i], predicted[i]);
        }

        return accumulator.ToMetrics();
    }
}
