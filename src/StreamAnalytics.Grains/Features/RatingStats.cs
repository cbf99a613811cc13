namespace StreamAnalytics.Grains.Features;

/// <summary>
/// Count and mean of ratings, updated one rating at a time with the incremental mean
/// <c>mean += (x - mean) / count</c>, which never sums large totals and so stays accurate over any number of ratings.
/// Mean is 0 before the first rating.
/// </summary>
[GenerateSerializer]
public sealed class RatingStats
{
    /// <summary>Ratings added.</summary>
    [Id(0)]
    public long Count { get; private set; }

    /// <summary>Mean of the ratings added; 0 when there are none.</summary>
    [Id(1)]
    public double Mean { get; private set; }

    /// <summary>Adds one rating.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not a finite number.</exception>
    public void Add(double rating)
    {
        if (!double.IsFinite(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating must be a finite number.");
        }

        Count++;
        Mean += (rating - Mean) / Count;
    }
}
