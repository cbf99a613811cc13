namespace StreamAnalytics.Grains.Features;

/// <summary>
/// Counts distinct strings: exactly (a set of their 64-bit hashes; a collision among 10,000 has odds of ~3e-12) up to
/// <see cref="ExactLimit"/> (10,000) members; past that the members move into a <see cref="HyperLogLog"/> (16 KiB,
/// about 0.8% standard error) and the set is dropped, so memory stays bounded however many values arrive.
/// </summary>
[GenerateSerializer]
public sealed class DistinctCounter
{
    /// <summary>The most members counted exactly: 10,000.</summary>
    public const int ExactLimit = 10_000;

    // Members are kept as their 64-bit hashes: the set is written with the grain's state on every batch, and eight
    // bytes a member serialize far cheaper than the ids. Two of 10,000 ids share a hash with probability ~3e-12.
    [Id(0)]
    private HashSet<ulong>? _members = [];

    [Id(1)]
    private HyperLogLog? _sketch;

    /// <summary>Whether <see cref="Count"/> is exact (no more than <see cref="ExactLimit"/> distinct values seen).</summary>
    public bool IsExact => _sketch is null;

    /// <summary>The number of distinct values added: exact, or the sketch's estimate past <see cref="ExactLimit"/>.</summary>
    public long Count => _sketch?.Estimate() ?? _members!.Count;

    /// <summary>Adds a value.</summary>
    public void Add(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = HyperLogLog.Hash(value);
        if (_sketch is not null)
        {
            _sketch.AddHash(hash);
            return;
        }

        if (_members!.Add(hash) && _members.Count > ExactLimit)
        {
            var sketch = new HyperLogLog();
            foreach (var member in _members)
            {
                sketch.AddHash(member);
            }

            _sketch = sketch;
            _members = null;
        }
    }
}
