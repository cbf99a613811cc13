using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Training.Rating.Data;

/// <summary>
/// A rating dataset from any interaction events (the CLI maps delimited files to events with a column mapping): one
/// point-in-time example per rating, see <see cref="RatingExampleExtractor"/>.
/// </summary>
public static class EventRatingDataset
{
    /// <summary>
    /// The examples of <paramref name="events"/> (any order; sorted by event time). The scale defaults to 1-5, the
    /// contract's default rating scale.
    /// </summary>
    public static RatingDataset Create(IEnumerable<InteractionEvent> events, float ratingMin = 1, float ratingMax = 5, string name = "events")
    {
        ArgumentNullException.ThrowIfNull(events);
        return new RatingDataset
        {
            Name = name,
            Examples = RatingExampleExtractor.Extract(events),
            FeatureNames = RatingFeatureVector.Names,
            RatingMin = ratingMin,
            RatingMax = ratingMax,
        };
    }
}
