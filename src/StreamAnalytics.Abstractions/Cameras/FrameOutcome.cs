namespace StreamAnalytics.Abstractions.Cameras;

/// <summary>What a camera grain did with one frame.</summary>
/// <param name="Status">Identified, unknown, or why it was not processed.</param>
/// <param name="Identification">The result, for <see cref="FrameStatus.Identified"/> and <see cref="FrameStatus.Unknown"/>;
/// null otherwise.</param>
/// <param name="Reason">Why the frame was not processed (a sentence for the caller); null when it was.</param>
[GenerateSerializer, Immutable]
public sealed record FrameOutcome(
    [property: Id(0)] FrameStatus Status,
    [property: Id(1)] CameraIdentification? Identification,
    [property: Id(2)] string? Reason);
