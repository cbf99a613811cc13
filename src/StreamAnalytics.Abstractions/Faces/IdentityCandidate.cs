namespace StreamAnalytics.Abstractions.Faces;

/// <summary>One enrolled identity ranked against a face.</summary>
/// <param name="Identity">The enrolled identity.</param>
/// <param name="Score">Cosine similarity in [-1, 1] between the face's embedding and the closest of the identity's
/// enrolled embeddings.</param>
[GenerateSerializer, Immutable]
public sealed record IdentityCandidate(
    [property: Id(0)] string Identity,
    [property: Id(1)] float Score);
