using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class TrendingScoreTests
{
    private static readonly DateTimeOffset T0 = TestEvents.T0;

    [Fact]
    public void The_default_half_life_is_one_hour()
    {
        Assert.Equal(TimeSpan.FromHours(1), new TrendingScore().HalfLife);
    }

    [Fact]
    public void A_score_halves_every_half_life()
    {
        var score = new TrendingScore();
        score.Add(T0);

        Assert.Equal(1, score.Value, 12);
        Assert.Equal(0.5, score.ValueAt(T0.AddHours(1)), 12);
        Assert.Equal(0.25, score.ValueAt(T0.AddHours(2)), 12);
        Assert.Equal(1, score.ValueAt(T0.AddHours(-1)), 12);
    }

    [Fact]
    public void A_new_event_adds_to_the_decayed_score()
    {
        var score = new TrendingScore(TimeSpan.FromMinutes(10));
        score.Add(T0);
        score.Add(T0);

        score.Add(T0.AddMinutes(10));

        Assert.Equal(2, score.Value, 12);
        Assert.Equal(T0.AddMinutes(10), score.ReferenceTime);
    }

    [Fact]
    public void Arrival_order_does_not_change_the_score()
    {
        var times = Enumerable.Range(0, 50).Select(i => T0.AddMinutes(i * 7 % 180)).ToList();
        var inOrder = new TrendingScore();
        var shuffled = new TrendingScore();

        foreach (var time in times.Order())
        {
            inOrder.Add(time);
        }

        foreach (var time in times)
        {
            shuffled.Add(time);
        }

        Assert.Equal(inOrder.Value, shuffled.Value, 9);
        Assert.Equal(inOrder.ReferenceTime, shuffled.ReferenceTime);
    }

    [Fact]
    public void A_non_positive_half_life_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrendingScore(TimeSpan.Zero));
    }
}
