using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Grains.Ratings;

/// <summary>
/// The latest offer of each product and, from them, the candidates: the top <see cref="PerList"/> by popularity and
/// the top <see cref="PerList"/> by trending score, without repeats. Memory is bounded: past four times
/// <see cref="PerList"/> offers, products in neither list are forgotten (they come back when they offer again).
/// Ties break by product id, so the set is deterministic.
/// </summary>
public sealed class CandidateSet(int perList)
{
    private readonly Dictionary<string, CandidateProduct> _offers = new(StringComparer.Ordinal);
    private IReadOnlyList<CandidateProduct>? _candidates;

    /// <summary>Candidates kept per list.</summary>
    public int PerList { get; } = perList > 0 ? perList : throw new ArgumentOutOfRangeException(nameof(perList), perList, "Keep at least one candidate per list.");

    /// <summary>Products whose offer is remembered.</summary>
    public int Remembered => _offers.Count;

    /// <summary>Records a product's latest offer.</summary>
    public void Offer(CandidateProduct candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        _offers[candidate.ProductId] = candidate;
        _candidates = null;
        if (_offers.Count > 4 * PerList)
        {
            var keep = Candidates().Select(c => c.ProductId).ToHashSet(StringComparer.Ordinal);
            foreach (var id in _offers.Keys.Where(id => !keep.Contains(id)).ToList())
            {
                _offers.Remove(id);
            }
        }
    }

    /// <summary>The most popular products, then the most trending ones not among them.</summary>
    public IReadOnlyList<CandidateProduct> Candidates()
    {
        if (_candidates is not null)
        {
            return _candidates;
        }

        var popular = _offers.Values
            .OrderByDescending(c => c.Popularity).ThenBy(c => c.ProductId, StringComparer.Ordinal)
            .Take(PerList)
            .ToList();
        var chosen = popular.Select(c => c.ProductId).ToHashSet(StringComparer.Ordinal);
        var trending = _offers.Values
            .Where(c => !chosen.Contains(c.ProductId))
            .OrderByDescending(c => c.Trending).ThenBy(c => c.ProductId, StringComparer.Ordinal)
            .Take(PerList);
        _candidates = [.. popular, .. trending];
        return _candidates;
    }
}
