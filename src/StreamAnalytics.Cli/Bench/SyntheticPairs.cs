using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Synthetic;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The distinct user-product pairs of synthetic interaction records, in feed order: what predictions ask about.</summary>
internal static class SyntheticPairs
{
    /// <summary>The first <paramref name="max"/> distinct pairs of <paramref name="records"/> (malformed ones skipped).</summary>
    public static List<(string User, string Product)> Of(IEnumerable<SyntheticRecord> records, int max)
    {
        var parser = new InteractionEventParser();
        return records
            .Select(r => parser.Parse(r.Json).Event)
            .OfType<InteractionEvent>()
            .Select(e => (e.UserId, e.ProductId))
            .Distinct()
            .Take(max)
            .ToList();
    }
}
