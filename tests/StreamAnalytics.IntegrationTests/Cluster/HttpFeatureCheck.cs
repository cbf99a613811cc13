using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using StreamAnalytics.IntegrationTests.EndToEnd;

namespace StreamAnalytics.IntegrationTests.Cluster;

/// <summary>Compares what a silo's HTTP API answers for every user and product with the oracle's per-type counts.</summary>
public static class HttpFeatureCheck
{
    /// <summary>Every user and product whose <c>counts</c> or <c>eventsApplied</c> differ; empty when all match.</summary>
    public static async Task<string> MismatchesAsync(HttpClient http, FeatureOracle oracle)
    {
        var mismatches = new ConcurrentBag<string>();
        var entities = oracle.Users.Select(u => ($"/api/users/{Uri.EscapeDataString(u.Key)}", u.Value))
            .Concat(oracle.Products.Select(p => ($"/api/products/{Uri.EscapeDataString(p.Key)}", p.Value)));
        await Parallel.ForEachAsync(entities, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entity, cancellation) =>
        {
            var (path, expected) = entity;
            using var response = await http.GetAsync(path, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                mismatches.Add($"{path}: HTTP {(int)response.StatusCode}");
                return;
            }

            var features = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            var counts = features.GetProperty("counts").Deserialize<Dictionary<string, long>>()!;
            var applied = features.GetProperty("eventsApplied").GetInt64();
            if (applied != expected.Events || expected.Counts.Any(c => counts.GetValueOrDefault(c.Key) != c.Value) || counts.Values.Sum() != expected.Events)
            {
                mismatches.Add($"{path}: eventsApplied {applied} vs {expected.Events}, counts {Format(counts)} vs {Format(expected.Counts)}");
            }
        });
        var text = string.Join("; ", mismatches.Order(StringComparer.Ordinal));
        return mismatches.IsEmpty ? "" : $"{mismatches.Count} differ: {(text.Length > 1_500 ? text[..1_500] : text)}";
    }

    private static string Format(IReadOnlyDictionary<string, long> counts) =>
        string.Join(",", counts.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
