namespace StreamAnalytics.Synthetic;

/// <summary>
/// Accumulates the ratings a feed produced beside the best possible prediction of each, giving the best R² any model
/// can reach on exactly these ratings.
/// </summary>
public sealed class RatingOracle
{
    private double _sum;
    private double _sumOfSquares;
    private double _bestSquaredError;

    public long Count { get; private set; }

    public void Add(double rating, double bestPrediction)
    {
        Count++;
        _sum += rating;
        _sumOfSquares += rating * rating;
        _bestSquaredError += (rating - bestPrediction) * (rating - bestPrediction);
    }

    /// <summary>1 - SSE(best) / SST; NaN with fewer than two ratings.</summary>
    public double BestR2
    {
        get
        {
            if (Count < 2)
            {
                return double.NaN;
            }

            var total = _sumOfSquares - (_sum * _sum / Count);
            return total <= 0 ? double.NaN : 1.0 - (_bestSquaredError / total);
        }
    }

    /// <summary>The mean squared error of the best possible prediction.</summary>
    public double BestMse => Count == 0 ? double.NaN : _bestSquaredError / Count;
}
