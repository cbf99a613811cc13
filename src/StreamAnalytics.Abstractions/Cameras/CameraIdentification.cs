using StreamAnalytics.Abstractions.Faces;

namespace StreamAnalytics.Abstractions.Cameras;

/// <summary>
/// The identification of one camera frame: the HTTP answer to <c>POST /api/cameras/{cameraId}/frames</c> and the JSON
/// value of a record on the <c>identifications</c> topic (keyed by camera id).
/// </summary>
/// <param name="CameraId">The camera.</param>
/// <param name="At">When the frame was taken (the Kafka record's timestamp) or received (HTTP).</param>
/// <param name="Identity">The enrolled identity whose best score reached the threshold; null when unknown.</param>
/// <param name="Unknown">True when nobody enrolled scored at least the threshold.</param>
/// <param name="Score">The best candidate's cosine similarity; -1 for an empty gallery.</param>
/// <param name="Candidates">The top identities, best first (at most <c>Faces:TopK</c>, default 3).</param>
/// <param name="ModelVersion">The face model version that embedded the frame; the gallery searched was embedded by the
/// same version.</param>
[GenerateSerializer, Immutable]
public sealed record CameraIdentification(
    [property: Id(0)] string CameraId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Identity,
    [property: Id(3)] bool Unknown,
    [property: Id(4)] float Score,
    [property: Id(5)] IReadOnlyList<IdentityCandidate> Candidates,
    [property: Id(6)] string ModelVersion);
