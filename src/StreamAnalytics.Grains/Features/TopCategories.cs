using StreamAnalytics.Abstractions.Features;

namespace StreamAnalytics.Grains.Features;

/// <summary>
/// Counts interactions per category and answers the most frequent ones, in bounded memory: at most
/// <see cref="Capacity"/> categories (256 by default) are kept. When a new category arrives and the table is full,
/// the least counted one is replaced and the newcomer starts at that count plus one (the Space-Saving algorithm):
/// every category whose true count exceeds total / capacity is kept, and a kept count overstates the true one by at
/// most the count it inherited. Below the capacity every count is exact.
/// </summary>
[GenerateSerializer]
public sealed class TopCategories
{
    /// <summary>The default number of categories kept: 256.</summary>
    public const int DefaultCapacity = 256;

    [Id(0)]
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    [Id(1)]
    private readonly int _capacity;

    /// <summary>Keeps at most <see cref="DefaultCapacity"/> categories.</summary>
    public TopCategories()
        : this(DefaultCapacity)
    {
    }

    /// <summary>Keeps at most <paramref name="capacity"/> categories.</summary>
    public TopCategories(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>The most categories kept.</summary>
    public int Capacity => _capacity;

    /// <summary>The categories kept now (never more than <see cref="Capacity"/>).</summary>
    public int Tracked => _counts.Count;

    /// <summary>Counts one interaction in <paramref name="category"/>; null, empty and whitespace categories are ignored.</summary>
    public void Add(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return;
        }

        if (_counts.TryGetValue(category, out var count))
        {
            _counts[category] = count + 1;
            return;
        }

        if (_counts.Count < _capacity)
        {
            _counts[category] = 1;
            return;
        }

        // Full: the newcomer takes the place of the least counted category (ties: the ordinally greatest name).
        string? victim = null;
        var least = long.MaxValue;
        foreach (var (name, value) in _counts)
        {
            if (value < least || (value == least && string.CompareOrdinal(name, victim) > 0))
            {
                victim = name;
                least = value;
            }
        }

        _counts.Remove(victim!);
        _counts[category] = least + 1;
    }

    /// <summary>The <paramref name="k"/> most counted categories, most counted first (ties by name, ordinal).</summary>
    public IReadOnlyList<CategoryCount> Top(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return _counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(k)
            .Select(pair => new CategoryCount(pair.Key, pair.Value))
            .ToList();
    }
}
