using System.Text;

namespace StreamAnalytics.Abstractions.Ratings;

/// <summary>
/// A hash of category names that is the same in every process and on every machine (unlike
/// <see cref="string.GetHashCode()"/>, which .NET randomises per process): 32-bit FNV-1a over the UTF-8 bytes of the
/// trimmed, lower-cased (invariant culture) name. The trainer and every serving silo must bucket a name alike.
/// </summary>
public static class FeatureHashing
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The 32-bit FNV-1a hash of the normalised <paramref name="value"/>.</summary>
    public static uint Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normalised = value.Trim().ToLowerInvariant();
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(normalised))
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>
    /// The bucket of <paramref name="value"/> among <paramref name="buckets"/>, or -1 when the value is null or blank
    /// (unknown: no bucket is set).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="buckets"/> is not positive.</exception>
    public static int Bucket(string? value, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(buckets, 0);
        if (string.IsNullOrWhiteSpace(value))
        {
            return -1;
        }

        return (int)(Hash(value) % (uint)buckets);
    }
}
