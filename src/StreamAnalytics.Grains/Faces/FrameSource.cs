namespace StreamAnalytics.Grains.Faces;

/// <summary>Where a camera frame came from.</summary>
public enum FrameSource
{
    /// <summary><c>POST /api/cameras/{cameraId}/frames</c>: the caller waits for the answer.</summary>
    Http,

    /// <summary>The <c>frames</c> topic, through the camera stream.</summary>
    Kafka,
}
