using StreamAnalytics.Abstractions.Cameras;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>
/// One camera, keyed by camera id: identifies the faces of its frames, from <c>POST /api/cameras/{cameraId}/frames</c>
/// and from the <c>camera</c>/{cameraId} stream (Kafka topic <c>frames</c>), and keeps its statistics in memory.
/// </summary>
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>
    /// Identifies the face in <paramref name="image"/> (PGM, PNG, JPEG, BMP or GIF, at most
    /// <see cref="CameraFrame.MaxBytes"/>), publishes the result on the <c>identifications</c> topic and counts it. A
    /// bad image, a full inference queue or a missing model is an outcome, not an exception.
    /// </summary>
    /// <param name="image">The encoded image.</param>
    /// <param name="at">When the frame was taken.</param>
    Task<FrameOutcome> Identify(byte[] image, DateTimeOffset at);

    /// <summary>The camera's statistics since its grain was activated.</summary>
    Task<CameraStatsView> GetStats();
}
