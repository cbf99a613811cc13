namespace StreamAnalytics.Abstractions.Faces;

/// <summary>An enrolled identity (<c>GET /api/identities/{identity}</c>).</summary>
/// <param name="Identity">Who.</param>
/// <param name="Faces">Enrolled face images (each stored with its embedding).</param>
/// <param name="ModelVersion">The face model version the stored embeddings were computed with.</param>
/// <param name="UpdatedAt">When a face was last enrolled.</param>
[GenerateSerializer, Immutable]
public sealed record IdentityView(
    [property: Id(0)] string Identity,
    [property: Id(1)] int Faces,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] DateTimeOffset UpdatedAt);
