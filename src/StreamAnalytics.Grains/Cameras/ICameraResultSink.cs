using StreamAnalytics.Abstractions.Cameras;

namespace StreamAnalytics.Grains.Cameras;

/// <summary>
/// Where camera grains send what they produce: each identification (the <c>identifications</c> topic), and each frame
/// from Kafka that could not be identified (the <c>frames.dlq</c> topic, with the reason). Sends must not block the
/// grain: implementations queue and report failures themselves.
/// </summary>
public interface ICameraResultSink
{
    /// <summary>Publishes an identification.</summary>
    void Publish(CameraIdentification identification);

    /// <summary>Dead-letters a frame that came from Kafka and could not be identified, with the reason.</summary>
    void DeadLetter(CameraFrame frame, string reason);
}
