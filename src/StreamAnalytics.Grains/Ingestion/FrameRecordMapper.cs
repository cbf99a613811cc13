using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Ingestion;

/// <summary>
/// Maps a <c>frames</c> record (key = camera id, value = image bytes) to the <c>camera</c>/{cameraId} stream. The
/// bytes are checked for presence and size only: decoding is the camera grain's, which reports an undecodable frame
/// in its statistics. A record without a usable key, empty, or larger than <see cref="CameraFrame.MaxBytes"/> is
/// rejected with its reason (the provider writes it to the dead-letter topic).
/// </summary>
public sealed class FrameRecordMapper : IKafkaRecordMapper
{
    /// <summary>The reason for a record without a camera id.</summary>
    public const string MissingCameraId = "missing camera id";

    /// <summary>The reason for a camera id longer than <see cref="CameraFrame.MaxCameraIdLength"/>.</summary>
    public const string CameraIdTooLong = "camera id too long";

    /// <summary>The reason for an empty value.</summary>
    public const string EmptyFrame = "empty frame";

    /// <summary>The reason for a value over <see cref="CameraFrame.MaxBytes"/>.</summary>
    public const string FrameTooLarge = "frame too large";

    /// <inheritdoc />
    public void Map(KafkaRecord record, ICollection<KafkaStreamEvent> events)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        if (string.IsNullOrWhiteSpace(record.Key))
        {
            throw new InvalidKafkaRecordException(MissingCameraId);
        }

        if (record.Key.Length > CameraFrame.MaxCameraIdLength)
        {
            throw new InvalidKafkaRecordException(CameraIdTooLong);
        }

        if (record.Value.Length == 0)
        {
            throw new InvalidKafkaRecordException(EmptyFrame);
        }

        if (record.Value.Length > CameraFrame.MaxBytes)
        {
            throw new InvalidKafkaRecordException(FrameTooLarge);
        }

        events.Add(new KafkaStreamEvent(
            StreamId.Create(StreamNames.CameraNamespace, record.Key), new CameraFrame(record.Key, record.Value, record.Timestamp)));
    }
}
