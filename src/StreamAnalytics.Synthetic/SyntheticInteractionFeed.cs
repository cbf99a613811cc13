using System.Globalization;
using System.Text.Json;

namespace StreamAnalytics.Synthetic;

/// <summary>
/// An endless, deterministic stream of shopping sessions: a user views a product (popularity is Zipf-skewed), may like
/// it or put it in the cart, may buy it, and after buying may rate or review it, with ratings drawn from the
/// catalogue's <see cref="RatingModel"/>. Event times advance from <c>start</c> by exponential gaps.
/// </summary>
public sealed class SyntheticInteractionFeed
{
    private static readonly string[] Reviews = ["great value", "not as described", "does the job", "would buy again", "arrived late, works fine"];
    private readonly SyntheticFeedOptions _options;
    private readonly Random _random;
    private readonly double[] _popularity;
    private DateTimeOffset _clock;
    private long _sequence;

    public SyntheticInteractionFeed(SyntheticFeedOptions options, DateTimeOffset start)
    {
        _options = options;
        Catalogue = new SyntheticCatalogue(options);
        _random = new Random(options.Seed + 1);
        _clock = start;
        _popularity = new double[Catalogue.Products.Count];
        var total = 0.0;
        for (var i = 0; i < _popularity.Length; i++)
        {
            total += 1.0 / Math.Pow(i + 1, options.ZipfExponent);
            _popularity[i] = total;
        }

        for (var i = 0; i < _popularity.Length; i++)
        {
            _popularity[i] /= total;
        }
    }

    public SyntheticCatalogue Catalogue { get; }

    /// <summary>The ratings produced so far beside their best possible predictions.</summary>
    public RatingOracle Ratings { get; } = new();

    public IEnumerable<SyntheticRecord> Records()
    {
        while (true)
        {
            var user = Catalogue.Users[_random.Next(Catalogue.Users.Count)];
            var product = Catalogue.Products[PickProduct()];
            yield return Emit(user, product, "view");
            if (_random.NextDouble() < 0.3)
            {
                yield return Emit(user, product, "like");
            }

            if (_random.NextDouble() >= 0.25)
            {
                continue;
            }

            yield return Emit(user, product, "add_to_cart");
            if (_random.NextDouble() >= 0.5)
            {
                continue;
            }

            yield return Emit(user, product, "purchase", quantity: _random.Next(1, 4));
            var after = _random.NextDouble();
            if (after < 0.6)
            {
                yield return Emit(user, product, "rating", rating: Rate(user, product));
            }
            else if (after < 0.8)
            {
                yield return Emit(user, product, "review", rating: Rate(user, product), review: Reviews[_random.Next(Reviews.Length)]);
            }
        }
    }

    private double Rate(SyntheticUser user, SyntheticProduct product)
    {
        var rating = Catalogue.RatingModel.Draw(user, product, _random);
        Ratings.Add(rating, Catalogue.RatingModel.Expected(user, product));
        return rating;
    }

    private int PickProduct()
    {
        var index = Array.BinarySearch(_popularity, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _popularity.Length - 1);
    }

    private SyntheticRecord Emit(SyntheticUser user, SyntheticProduct product, string type, int? quantity = null, double? rating = null, string? review = null)
    {
        _clock = _clock.AddMilliseconds(-Math.Log(1.0 - _random.NextDouble()) * 50);
        var eventId = $"{_options.IdPrefix}e{_options.Seed}-{_sequence++}";
        string? malformation = null;
        if (_options.MalformedFraction > 0 && _random.NextDouble() < _options.MalformedFraction)
        {
            malformation = SyntheticMalformations.Pick(_random);
        }

        return new SyntheticRecord(user.Id, Write(eventId, user, product, type, quantity, rating, review, malformation), malformation);
    }

    private byte[] Write(string eventId, SyntheticUser user, SyntheticProduct product, string type, int? quantity, double? rating, string? review, string? malformation)
    {
        if (malformation == SyntheticMalformations.NotJson)
        {
            return System.Text.Encoding.UTF8.GetBytes($"{{\"eventId\":\"{eventId}\",\"userId\":");
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("eventId", eventId);
            if (malformation != SyntheticMalformations.MissingUserId)
            {
                json.WriteString("userId", user.Id);
            }

            json.WriteString("productId", product.Id);
            json.WriteString("type", malformation == SyntheticMalformations.UnknownType ? "teleport" : type);
            if (malformation == SyntheticMalformations.InvalidTimestamp)
            {
                json.WriteString("timestamp", "yesterday");
            }
            else
            {
                json.WriteString("timestamp", _clock.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            json.WriteString("category", product.Category);
            json.WriteNumber("price", malformation == SyntheticMalformations.NegativePrice ? -product.Price : product.Price);
            if (quantity is { } q)
            {
                json.WriteNumber("quantity", q);
            }

            if (malformation == SyntheticMalformations.RatingOutOfRange)
            {
                json.WriteNumber("rating", 9);
            }
            else if (rating is { } r)
            {
                json.WriteNumber("rating", r);
            }

            if (review is not null)
            {
                json.WriteString("reviewText", review);
            }

            json.WriteNumber("age", user.Age);
            json.WriteString("location", user.Location);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
