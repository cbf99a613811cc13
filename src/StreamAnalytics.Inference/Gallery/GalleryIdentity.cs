namespace StreamAnalytics.Inference.Gallery;

/// <summary>One enrolled identity: its unit-length embeddings stored row after row in one array, so a search reads
/// them contiguously. Never changed once built: a write builds a new one.</summary>
internal sealed class GalleryIdentity(string name, float[] rows, int embeddingCount)
{
    public string Name { get; } = name;

    /// <summary><see cref="EmbeddingCount"/> × embedding size values.</summary>
    public float[] Rows { get; } = rows;

    public int EmbeddingCount { get; } = embeddingCount;

    /// <summary>The highest dot product of <paramref name="query"/> with any of the rows.</summary>
    public float BestDot(ReadOnlySpan<float> query)
    {
        var size = query.Length;
        var best = float.NegativeInfinity;
        for (var row = 0; row < EmbeddingCount; row++)
        {
            best = Math.Max(best, EmbeddingMath.Dot(query, Rows.AsSpan(row * size, size)));
        }

        return best;
    }
}
