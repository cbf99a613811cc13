namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// Accumulates <see cref="RegressionMetrics"/> one prediction at a time (for streaming evaluations). The ratings'
/// mean and spread are kept with Welford's update, which stays accurate where the textbook
/// <c>Σx² − (Σx)²/n</c> cancels catastrophically.
/// </summary>
public sealed class RegressionAccumulator
{
    private double _mean;
    private double _spread;
    private double _squaredError;
    private double _absoluteError;

    /// <summary>Predictions added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one rating and its prediction.</summary>
    public void Add(double actual, double predicted)
    {
        Count++;
        var delta = actual - _mean;
        _mean += delta / Count;
        _spread += delta * (actual - _mean);
        var error = actual - predicted;
        _squaredError += error * error;
        _absoluteError += Math.Abs(error);
    }

    /// <summary>The metrics so far; see <see cref="RegressionMetrics"/> for when a metric is null.</summary>
    public RegressionMetrics ToMetrics()
    {
        if (Count == 0)
        {
            return new RegressionMetrics(0, null, null, null, null);
        }

        var mse = _squaredError / Count;
        // SST is 0 when every rating is the same: R² is undefined, not -∞ or 1.
        double? r2 = _spread > 0 ? 1.0 - (_squaredError / _spread) : null;
        return new RegressionMetrics(Count, FiniteOrNull(mse), FiniteOrNull(Math.Sqrt(mse)), FiniteOrNull(_absoluteError / Count), r2 is { } value ? FiniteOrNull(value) : null);
    }

    private static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
