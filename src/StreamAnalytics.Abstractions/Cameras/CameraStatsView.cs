namespace StreamAnalytics.Abstractions.Cameras;

/// <summary>One camera's statistics (<c>GET /api/cameras/{cameraId}</c>).</summary>
/// <param name="Frames">Frames received, whatever became of them.</param>
/// <param name="Identified">Frames whose best match cleared the threshold.</param>
/// <param name="Unknown">Frames identified as nobody enrolled (below the threshold, or an empty gallery).</param>
/// <param name="Rejected">Frames that could not be decoded or were refused (bad image, overload).</param>
/// <param name="FramesPerSecond">Frames received per second over the last 10 seconds.</param>
/// <param name="RecentIdentities">The latest identifications of enrolled people, newest first (at most 20).</param>
/// <param name="LastFrameAt">When the latest frame arrived; null before the first.</param>
[GenerateSerializer, Immutable]
public sealed record CameraStatsView(
    [property: Id(0)] long Frames,
    [property: Id(1)] long Identified,
    [property: Id(2)] long Unknown,
    [property: Id(3)] long Rejected,
    [property: Id(4)] double FramesPerSecond,
    [property: Id(5)] IReadOnlyList<RecentIdentity> RecentIdentities,
    [property: Id(6)] DateTimeOffset? LastFrameAt);

/// <summary>An enrolled person a camera saw.</summary>
/// <param name="Identity">Who.</param>
/// <param name="Score">The cosine similarity of the match.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Immutable]
public sealed record RecentIdentity(
    [property: Id(0)] string Identity,
    [property: Id(1)] float Score,
    [property: Id(2)] DateTimeOffset At);
