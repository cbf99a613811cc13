namespace StreamAnalytics.Training.Rating;

/// <summary>Builds id vocabularies: the id at position i gets table row i + 1 (row 0 is the unknown row).</summary>
public static class RatingVocabulary
{
    /// <summary>
    /// The distinct ids, sorted ordinally so the same set of ids always gives the same rows whatever the row order.
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = new HashSet<string>(ids, StringComparer.Ordinal).ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        return distinct;
    }

    /// <summary>Maps each id to its row (position + 1).</summary>
    public static Dictionary<string, long> Rows(IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var rows = new Dictionary<string, long>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (!rows.TryAdd(vocabulary[i], i + 1))
            {
                throw new ArgumentException($"The vocabulary lists '{vocabulary[i]}' twice.", nameof(vocabulary));
            }
        }

        return rows;
    }
}
