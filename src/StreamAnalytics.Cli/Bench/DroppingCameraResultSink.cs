using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Grains.Cameras;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// A camera result sink that drops everything: <c>sa bench faces --no-publish</c> uses it to measure the grain path
/// without the Kafka producer and the embedded broker, which in this benchmark share the silo's two cores (in
/// production the broker runs elsewhere; the producer's serialisation and queueing stay the silo's).
/// </summary>
internal sealed class DroppingCameraResultSink : ICameraResultSink
{
    public void Publish(CameraIdentification identification)
    {
    }

    public void DeadLetter(CameraFrame frame, string reason)
    {
    }
}
