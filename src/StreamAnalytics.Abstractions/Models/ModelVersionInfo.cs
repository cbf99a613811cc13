namespace StreamAnalytics.Abstractions.Models;

/// <summary>One registered version of a model kind (<c>GET /api/models</c>).</summary>
/// <param name="Number">The registry's number for it: 1, 2, ... per kind.</param>
/// <param name="Version">The version string inside the model (<c>sa.version</c>), which every served answer carries.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Metrics">Its quality measurements (for example <c>rmse</c>, <c>accuracy</c>), and the active model's on the
/// same hold-out when it was gated; empty when registered from a file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the model bytes; every silo checks it before loading.</param>
/// <param name="Bytes">The model's size.</param>
/// <param name="Status">Candidate, active, retired or rejected.</param>
/// <param name="Reason">Why it was rejected, or what a silo reported when loading it failed; null otherwise.</param>
/// <param name="Source">Where it came from: <c>file</c>, <c>bootstrap</c>, <c>trainer</c>, <c>upload</c>.</param>
[GenerateSerializer, Immutable]
public sealed record ModelVersionInfo(
    [property: Id(0)] int Number,
    [property: Id(1)] string Version,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] IReadOnlyDictionary<string, double> Metrics,
    [property: Id(4)] string Sha256,
    [property: Id(5)] long Bytes,
    [property: Id(6)] ModelVersionStatus Status,
    [property: Id(7)] string? Reason,
    [property: Id(8)] string Source);
