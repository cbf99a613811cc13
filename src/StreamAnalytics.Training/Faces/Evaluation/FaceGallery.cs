namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// Enrolled identities as one normalised mean embedding each, searched by cosine similarity: the evaluation's
/// stand-in for the serving gallery.
/// </summary>
public sealed class FaceGallery
{
    private readonly List<(int Identity, float[] Centre)> _entries = [];

    /// <summary>Enrols <paramref name="identity"/> with the mean of its L2-normalised <paramref name="embeddings"/>.</summary>
    public void Enrol(int identity, IReadOnlyList<float[]> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        var centre = new float[embeddings[0].Length];
        foreach (var embedding in embeddings)
        {
            for (var i = 0; i < centre.Length; i++)
            {
                centre[i] += embedding[i];
            }
        }

        var norm = (float)Math.Sqrt(centre.Sum(v => (double)v * v) + 1e-12);
        _entries.Add((identity, [.. centre.Select(v => v / norm)]));
    }

    /// <summary>The nearest enrolled identity and its cosine similarity to <paramref name="embedding"/>.</summary>
    public (int Identity, double Score) Nearest(float[] embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var best = (Identity: -1, Score: double.NegativeInfinity);
        foreach (var (identity, centre) in _entries)
        {
            var score = 0.0;
            for (var i = 0; i < centre.Length; i++)
            {
                score += centre[i] * embedding[i];
            }

            if (score > best.Score)
            {
                best = (identity, score);
            }
        }

        return best;
    }
}
