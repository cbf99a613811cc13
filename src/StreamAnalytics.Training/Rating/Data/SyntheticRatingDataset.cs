using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Synthetic;

namespace StreamAnalytics.Training.Rating.Data;

/// <summary>
/// Rating examples from the synthetic feed, whose rating model is known: besides the examples it gives each one's best
/// possible prediction (<see cref="RatingModel.Expected"/> of its user and product), so a report can state the best
/// R² any model could reach on the same split.
/// </summary>
public static class SyntheticRatingDataset
{
    /// <summary>The feed's first event time when none is given: 2026-01-01T00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The first <paramref name="ratings"/> ratings of the feed described by <paramref name="options"/> as examples
    /// (with the default options: 2,000 users, 500 products, seed 42). Malformed records, if the options ask for
    /// them, are dropped as the ingestion path would.
    /// </summary>
    public static RatingDataset Create(SyntheticFeedOptions options, int ratings, DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(ratings);
        var feed = new SyntheticInteractionFeed(options, start ?? DefaultStart);
        var users = feed.Catalogue.Users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var products = feed.Catalogue.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var examples = new List<RatingExample>(ratings);
        var best = new List<float>(ratings);
        foreach (var example in RatingExampleExtractor.ExtractOrdered(Events(feed, ratings)))
        {
            examples.Add(example);
            best.Add((float)feed.Catalogue.RatingModel.Expected(users[example.UserId], products[example.ProductId]));
        }

        return new RatingDataset
        {
            Name = "synthetic",
            Examples = examples,
            FeatureNames = RatingFeatureVector.Names,
            RatingMin = (float)RatingModel.Min,
            RatingMax = (float)RatingModel.Max,
            BestPredictions = best,
        };
    }

    /// <summary>
    /// The valid events of the feed described by <paramref name="options"/>, in event-time order, up to and including
    /// the event that carries the <paramref name="ratings"/>-th rating.
    /// </summary>
    public static IEnumerable<InteractionEvent> Events(SyntheticFeedOptions options, int ratings, DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(ratings);
        return Events(new SyntheticInteractionFeed(options, start ?? DefaultStart), ratings);
    }

    private static IEnumerable<InteractionEvent> Events(SyntheticInteractionFeed feed, int ratings)
    {
        var parser = new InteractionEventParser();
        var seen = 0;
        if (ratings == 0)
        {
            yield break;
        }

        foreach (var record in feed.Records())
        {
            var parsed = parser.Parse(record.Json);
            if (!parsed.IsValid)
            {
                continue;
            }

            yield return parsed.Event;
            if (parsed.Event is { Type: InteractionType.Rating or InteractionType.Review, Rating: not null } && ++seen == ratings)
            {
                yield break;
            }
        }
    }
}
