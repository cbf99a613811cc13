namespace StreamAnalytics.Abstractions.Cameras;

/// <summary>One frame of a camera, as the <c>camera</c>/{cameraId} stream delivers it.</summary>
/// <param name="CameraId">The camera (the Kafka record's key).</param>
/// <param name="Image">The encoded image bytes, not yet decoded: decoding happens in the camera grain, which answers
/// a bad frame with its reason.</param>
/// <param name="Timestamp">When the frame was written (the Kafka record's timestamp).</param>
[GenerateSerializer, Immutable]
public sealed record CameraFrame(
    [property: Id(0)] string CameraId,
    [property: Id(1)] byte[] Image,
    [property: Id(2)] DateTimeOffset Timestamp)
{
    /// <summary>The largest frame accepted anywhere: 10 MiB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The longest camera id: 256 characters.</summary>
    public const int MaxCameraIdLength = 256;
}
