namespace StreamAnalytics.Abstractions.Faces;

/// <summary>Who a face is, as far as the gallery can tell.</summary>
/// <param name="Identity">The best candidate's identity when its score reaches the open-set threshold; null when the
/// face is unknown.</param>
/// <param name="Unknown">True when no enrolled identity scores at least the threshold (always, for an empty
/// gallery).</param>
/// <param name="Score">The best candidate's score, even when it is below the threshold; -1 (the lowest cosine
/// similarity) when the gallery is empty.</param>
/// <param name="Candidates">The top-k identities, best first, whatever their scores.</param>
[GenerateSerializer, Immutable]
public sealed record IdentificationResult(
    [property: Id(0)] string? Identity,
    [property: Id(1)] bool Unknown,
    [property: Id(2)] float Score,
    [property: Id(3)] IReadOnlyList<IdentityCandidate> Candidates);
