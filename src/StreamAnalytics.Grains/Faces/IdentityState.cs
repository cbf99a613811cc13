namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// An identity's stored faces: each fitted image (so it can be re-embedded by a new model) and its embedding, all
/// computed by one model version.
/// </summary>
[GenerateSerializer]
public sealed class IdentityState
{
    /// <summary>Fitted grey images, one byte per pixel (see <see cref="FacePixels"/>).</summary>
    [Id(0)]
    public List<byte[]> Images { get; set; } = [];

    /// <summary>The embedding of each image, same order.</summary>
    [Id(1)]
    public List<float[]> Embeddings { get; set; } = [];

    /// <summary>The model version every embedding was computed with.</summary>
    [Id(2)]
    public string ModelVersion { get; set; } = "";

    /// <summary>When a face was last enrolled.</summary>
    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }
}
