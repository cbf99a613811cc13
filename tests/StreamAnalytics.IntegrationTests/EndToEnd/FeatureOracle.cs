using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.EndToEnd;

/// <summary>
/// The expected features, computed here from the produced JSON with nothing of the grain code: per user and per
/// product, counts per type, money spent or earned, and rating count and sum; distinct counterparts.
/// </summary>
public sealed class FeatureOracle
{
    public Dictionary<string, Expected> Users { get; } = [];

    public Dictionary<string, Expected> Products { get; } = [];

    public void Add(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var user = root.GetProperty("userId").GetString()!;
        var product = root.GetProperty("productId").GetString()!;
        var type = root.GetProperty("type").GetString()!;
        var money = type == "purchase"
            ? root.GetProperty("price").GetDecimal() * (root.TryGetProperty("quantity", out var q) ? q.GetInt32() : 1)
            : 0m;
        double? rating = root.TryGetProperty("rating", out var r) && type is "rating" or "review" ? r.GetDouble() : null;
        Record(Users, user, type, money, rating, product);
        Record(Products, product, type, money, rating, user);
    }

    private static void Record(Dictionary<string, Expected> entities, string id, string type, decimal money, double? rating, string counterpart)
    {
        if (!entities.TryGetValue(id, out var expected))
        {
            entities[id] = expected = new Expected();
        }

        expected.Counts[type] = expected.Counts.GetValueOrDefault(type) + 1;
        expected.Events++;
        expected.Money += money;
        expected.Counterparts.Add(counterpart);
        if (rating is { } value)
        {
            expected.RatingCount++;
            expected.RatingSum += value;
        }
    }

    public sealed class Expected
    {
        public Dictionary<string, long> Counts { get; } = [];

        public long Events { get; set; }

        public decimal Money { get; set; }

        public long RatingCount { get; set; }

        public double RatingSum { get; set; }

        public HashSet<string> Counterparts { get; } = [];
    }
}
