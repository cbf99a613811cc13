using System.Text.Json;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Synthetic.Tests;

public sealed class SyntheticFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_writes_the_same_records()
    {
        var first = new SyntheticInteractionFeed(new SyntheticFeedOptions(Seed: 7, MalformedFraction: 0.05), Start).Records().Take(2_000).ToList();
        var second = new SyntheticInteractionFeed(new SyntheticFeedOptions(Seed: 7, MalformedFraction: 0.05), Start).Records().Take(2_000).ToList();
        var other = new SyntheticInteractionFeed(new SyntheticFeedOptions(Seed: 8, MalformedFraction: 0.05), Start).Records().Take(2_000).ToList();

        Assert.Equal(first.Select(r => r.Json), second.Select(r => r.Json));
        Assert.NotEqual(first.Select(r => Convert.ToBase64String(r.Json)), other.Select(r => Convert.ToBase64String(r.Json)));
    }

    [Fact]
    public void Valid_records_carry_the_contract_fields_and_sessions_follow_view_then_purchase_then_rating()
    {
        var records = new SyntheticInteractionFeed(new SyntheticFeedOptions(), Start).Records().Take(20_000).ToList();
        var types = new Dictionary<string, int>();
        DateTimeOffset previous = Start;
        foreach (var record in records)
        {
            Assert.Null(record.Malformation);
            using var json = JsonDocument.Parse(record.Json);
            var root = json.RootElement;
            Assert.Equal(record.Key, root.GetProperty("userId").GetString());
            Assert.StartsWith("p", root.GetProperty("productId").GetString());
            var type = root.GetProperty("type").GetString()!;
            types[type] = types.GetValueOrDefault(type) + 1;
            var timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(timestamp >= previous, "event times never go backwards");
            previous = timestamp;
            if (type is "rating" or "review")
            {
                Assert.InRange(root.GetProperty("rating").GetDouble(), 1, 5);
            }

            if (type == "purchase")
            {
                Assert.InRange(root.GetProperty("quantity").GetInt32(), 1, 3);
            }
        }

        Assert.True(types["view"] > types["add_to_cart"], "fewer carts than views");
        Assert.True(types["add_to_cart"] > types["purchase"], "fewer purchases than carts");
        Assert.True(types["purchase"] > types["rating"], "fewer ratings than purchases");
        Assert.True(types["review"] > 0);
    }

    [Fact]
    public void The_contract_accepts_every_valid_record_and_rejects_each_malformed_one_for_its_stated_reason()
    {
        var parser = new InteractionEventParser();
        foreach (var record in new SyntheticInteractionFeed(new SyntheticFeedOptions(MalformedFraction: 0.05), Start).Records().Take(20_000))
        {
            var result = parser.Parse(record.Json);
            Assert.True(result.Reason == record.Malformation, $"expected {record.Malformation ?? "valid"}, got {result}");
        }
    }

    [Fact]
    public void Product_popularity_is_skewed()
    {
        var views = new SyntheticInteractionFeed(new SyntheticFeedOptions(Products: 500), Start).Records().Take(50_000)
            .Select(r => JsonDocument.Parse(r.Json).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "view")
            .GroupBy(e => e.GetProperty("productId").GetString())
            .Select(g => g.Count())
            .OrderDescending()
            .ToList();

        Assert.True(views[0] > 20 * views[^1], $"the most viewed product ({views[0]}) dwarfs the least ({views[^1]})");
    }

    [Fact]
    public void Malformed_records_appear_at_about_the_requested_fraction_and_name_their_reason()
    {
        var records = new SyntheticInteractionFeed(new SyntheticFeedOptions(MalformedFraction: 0.01), Start).Records().Take(50_000).ToList();
        var malformed = records.Where(r => r.Malformation is not null).ToList();

        Assert.InRange(malformed.Count, 400, 600);
        Assert.Equal(6, malformed.Select(r => r.Malformation).Distinct().Count());
        Assert.All(malformed.Where(r => r.Malformation == SyntheticMalformations.NotJson), r => Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(r.Json)));
        Assert.All(malformed.Where(r => r.Malformation == SyntheticMalformations.MissingUserId), r => Assert.False(JsonDocument.Parse(r.Json).RootElement.TryGetProperty("userId", out _)));
    }

    [Fact]
    public void With_no_noise_the_best_achievable_R2_is_almost_one_and_it_falls_as_noise_grows()
    {
        double BestR2(double noise)
        {
            var feed = new SyntheticInteractionFeed(new SyntheticFeedOptions(NoiseStandardDeviation: noise), Start);
            _ = feed.Records().Take(200_000).Count();
            return feed.Ratings.BestR2;
        }

        var none = BestR2(0);
        var some = BestR2(0.5);
        var lots = BestR2(1.5);

        Assert.InRange(none, 0.99, 1.0);
        Assert.True(none > some && some > lots, $"R² falls with noise: {none:F3} > {some:F3} > {lots:F3}");
        Assert.InRange(lots, 0.05, 0.6);
    }

    [Theory]
    [InlineData(3.0, 0.5)]
    [InlineData(4.8, 0.7)]
    [InlineData(0.5, 1.0)]
    public void The_expected_clamped_rating_matches_a_simulation(double score, double noise)
    {
        var model = new RatingModel(noise);
        var user = new SyntheticUser("u", 30, "Ohio", score - 3, [0.0]);
        var product = new SyntheticProduct("p", "Books", 10m, 0, [0.0]);
        var random = new Random(1);
        var simulated = Enumerable.Range(0, 200_000).Average(_ => Math.Clamp(RatingModel.Score(user, product) + (Gaussian.Next(random) * noise), 1, 5));

        Assert.Equal(simulated, model.Expected(user, product), 2);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447)]
    [InlineData(-1.96, 0.0249979)]
    [InlineData(3.0, 0.9986501)]
    public void The_normal_distribution_function_is_accurate(double x, double expected)
    {
        Assert.Equal(expected, Gaussian.Cdf(x), 6);
    }
}
