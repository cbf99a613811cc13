using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Tests.Ingestion;

public sealed class FrameRecordMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static KafkaRecord Record(string? key, byte[] value, string topic = TopicNames.Frames) => new(topic, 0, 7, key, value, At);

    [Fact]
    public void A_frame_feeds_its_cameras_stream_with_the_bytes_and_the_record_time()
    {
        var events = new List<KafkaStreamEvent>();

        new FrameRecordMapper().Map(Record("door-1", [1, 2, 3]), events);

        var single = Assert.Single(events);
        Assert.Equal(StreamId.Create(StreamNames.CameraNamespace, "door-1"), single.StreamId);
        var frame = Assert.IsType<CameraFrame>(single.Event);
        Assert.Equal("door-1", frame.CameraId);
        Assert.Equal([1, 2, 3], frame.Image);
        Assert.Equal(At, frame.Timestamp);
    }

    [Theory]
    [InlineData(null, 3, FrameRecordMapper.MissingCameraId)]
    [InlineData(" ", 3, FrameRecordMapper.MissingCameraId)]
    [InlineData("door-1", 0, FrameRecordMapper.EmptyFrame)]
    [InlineData("door-1", CameraFrame.MaxBytes + 1, FrameRecordMapper.FrameTooLarge)]
    public void An_undeliverable_frame_is_rejected_with_its_reason(string? key, int bytes, string reason)
    {
        var error = Assert.Throws<InvalidKafkaRecordException>(() => new FrameRecordMapper().Map(Record(key, new byte[bytes]), []));

        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void A_camera_id_over_256_characters_is_rejected()
    {
        var error = Assert.Throws<InvalidKafkaRecordException>(() => new FrameRecordMapper().Map(Record(new string('c', 257), [1]), []));

        Assert.Equal(FrameRecordMapper.CameraIdTooLong, error.Message);
    }

    [Fact]
    public void The_topic_mapper_hands_each_record_to_its_topics_mapper_and_rejects_other_topics()
    {
        var mapper = new TopicRecordMapper(new Dictionary<string, IKafkaRecordMapper> { [TopicNames.Frames] = new FrameRecordMapper() });
        var events = new List<KafkaStreamEvent>();

        mapper.Map(Record("door-1", [9]), events);
        var error = Assert.Throws<InvalidKafkaRecordException>(() => mapper.Map(Record("door-1", [9], topic: "elsewhere"), events));

        Assert.Single(events);
        Assert.Equal("no mapper for topic elsewhere", error.Message);
    }
}
