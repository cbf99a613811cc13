using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Tests.Data;

/// <summary>Small hand-made events and examples for the tests.</summary>
public static class TestRatings
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static long _sequence;

    public static InteractionEvent Event(string user, string product, InteractionType type, int minute, double? rating = null, decimal? price = null) => new()
    {
        EventId = "e" + Interlocked.Increment(ref _sequence),
        UserId = user,
        ProductId = product,
        Type = type,
        Timestamp = T0.AddMinutes(minute),
        Rating = rating,
        Price = price,
        Category = "Clothing",
        Age = 30,
        Location = "Ohio",
    };

    public static RatingExample Example(string user, string product, float target, int minute = 0) =>
        new(user, product, T0.AddMinutes(minute), new float[RatingFeatureVector.Count], target);

    public static float Feature(RatingExample example, string name)
    {
        var at = RatingFeatureVector.Names.ToList().IndexOf(name);
        Assert.True(at >= 0, $"no feature named {name}");
        return example.Features[at];
    }
}
