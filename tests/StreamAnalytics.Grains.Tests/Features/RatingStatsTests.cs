using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class RatingStatsTests
{
    [Fact]
    public void Mean_is_zero_before_any_rating()
    {
        var stats = new RatingStats();

        Assert.Equal(0, stats.Count);
        Assert.Equal(0, stats.Mean);
    }

    [Fact]
    public void Mean_and_count_follow_the_ratings()
    {
        var stats = new RatingStats();

        foreach (var rating in new[] { 1.0, 2, 3, 4, 5, 5 })
        {
            stats.Add(rating);
        }

        Assert.Equal(6, stats.Count);
        Assert.Equal(20.0 / 6, stats.Mean, 12);
    }

    [Fact]
    public void Mean_stays_accurate_over_a_million_ratings()
    {
        var stats = new RatingStats();
        for (var i = 0; i < 1_000_000; i++)
        {
            stats.Add(i % 2 == 0 ? 1e9 + 1 : 1e9 + 2);
        }

        Assert.Equal(1e9 + 1.5, stats.Mean, 4);
    }

    [Fact]
    public void A_non_finite_rating_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatingStats().Add(double.NaN));
    }
}
