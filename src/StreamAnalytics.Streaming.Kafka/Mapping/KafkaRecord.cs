namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// A record as read from Kafka, handed to an <see cref="IKafkaRecordMapper"/>; the default mapper also delivers it
/// to subscribers as the event itself.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record KafkaRecord(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Offset,
    [property: Id(3)] string? Key,
    [property: Id(4)] byte[] Value,
    [property: Id(5)] DateTimeOffset Timestamp);
