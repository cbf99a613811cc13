namespace StreamAnalytics.Inference.Gallery;

/// <summary>Limits and the open-set threshold of a <see cref="FaceGallery"/>.</summary>
public sealed class FaceGalleryOptions
{
    /// <summary>
    /// The most identities enrolled at once. A search costs identities × embeddings × embedding size multiply-adds, so
    /// this bounds the cost of every frame. Defaults to 10,000.
    /// </summary>
    public int MaxIdentities { get; set; } = 10_000;

    /// <summary>The most embeddings (enrolled faces) per identity. Defaults to 20.</summary>
    public int MaxEmbeddingsPerIdentity { get; set; } = 20;

    /// <summary>The longest identity, in characters. Defaults to 256.</summary>
    public int MaxIdentityLength { get; set; } = 256;

    /// <summary>
    /// The open-set threshold: a face whose best score (cosine similarity) is below it is unknown. Calibrate it on
    /// validation scores with <see cref="OpenSetThreshold"/>; the default is only a starting point. Defaults to 0.5.
    /// </summary>
    public float Threshold { get; set; } = 0.5f;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxIdentities < 1)
        {
            throw new ArgumentException($"{nameof(MaxIdentities)} must be at least 1 (was {MaxIdentities}).");
        }

        if (MaxEmbeddingsPerIdentity < 1)
        {
            throw new ArgumentException($"{nameof(MaxEmbeddingsPerIdentity)} must be at least 1 (was {MaxEmbeddingsPerIdentity}).");
        }

        if (MaxIdentityLength < 1)
        {
            throw new ArgumentException($"{nameof(MaxIdentityLength)} must be at least 1 (was {MaxIdentityLength}).");
        }

        OpenSetThreshold.ThrowIfInvalid(Threshold);
    }
}
