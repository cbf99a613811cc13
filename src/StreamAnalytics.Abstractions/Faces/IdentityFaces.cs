namespace StreamAnalytics.Abstractions.Faces;

/// <summary>
/// An identity's enrolled faces as a silo's gallery needs them: the stored embeddings, and the fitted images when the
/// embeddings were computed by a different model version than the one asked for (the silo re-embeds them).
/// </summary>
/// <param name="ModelVersion">The version the <paramref name="Embeddings"/> were computed with.</param>
/// <param name="Embeddings">One embedding per face.</param>
/// <param name="Images">The faces as fitted 112×92 grey images (one byte per pixel, row-major), in the same order;
/// empty when <paramref name="ModelVersion"/> is the version asked for.</param>
[GenerateSerializer, Immutable]
public sealed record IdentityFaces(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] IReadOnlyList<float[]> Embeddings,
    [property: Id(2)] IReadOnlyList<byte[]> Images);
