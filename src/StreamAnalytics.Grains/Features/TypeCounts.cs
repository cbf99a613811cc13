using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Features;

/// <summary>How many interactions of each <see cref="InteractionType"/> an entity had. Starts at zero for every type.</summary>
[GenerateSerializer]
public sealed class TypeCounts
{
    [Id(0)]
    private readonly long[] _counts = new long[InteractionTypeNames.All.Count];

    /// <summary>The count of one type.</summary>
    public long this[InteractionType type] => _counts[(int)type];

    /// <summary>The count of every type together.</summary>
    public long Total => _counts.Sum();

    /// <summary>Counts one interaction of <paramref name="type"/>.</summary>
    public void Increment(InteractionType type) => _counts[(int)type]++;

    /// <summary>Every type's count keyed by its wire name (<c>view</c>, <c>add_to_cart</c>, ...), zeros included.</summary>
    public IReadOnlyDictionary<string, long> ToDictionary()
    {
        var counts = new Dictionary<string, long>(InteractionTypeNames.All.Count, StringComparer.Ordinal);
        foreach (var type in InteractionTypeNames.All)
        {
            counts[InteractionTypeNames.ToName(type)] = _counts[(int)type];
        }

        return counts;
    }
}
