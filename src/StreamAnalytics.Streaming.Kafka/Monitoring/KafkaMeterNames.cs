namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The Kafka stream provider's meter and instrument names. The consumer instruments follow OpenTelemetry's messaging
/// semantic conventions; the rest use the <c>sa.kafka.</c> prefix. Exported to Prometheus with dots as underscores,
/// the unit as a suffix (<c>_seconds</c>) and <c>_total</c> on counters.
/// </summary>
public static class KafkaMeterNames
{
    /// <summary>The meter name to export (OpenTelemetry <c>AddMeter</c>).</summary>
    public const string Meter = "StreamAnalytics.Kafka";

    /// <summary>Counter, <c>{message}</c>: records read from a partition (valid or not).</summary>
    public const string ConsumedMessages = "messaging.client.consumed.messages";

    /// <summary>Observable gauge, <c>{message}</c>: records in a partition this silo pulls that it has not read yet.</summary>
    public const string ConsumerLag = "sa.kafka.consumer.lag";

    /// <summary>Counter, <c>{message}</c>: rejected records written to the dead-letter topic (tag <c>reason</c>).</summary>
    public const string DeadLettered = "sa.kafka.dead_lettered";

    /// <summary>Tag: the messaging system, always <c>kafka</c>.</summary>
    public const string SystemTag = "messaging.system";

    /// <summary>Tag: the topic read (for dead letters, the topic the record came from).</summary>
    public const string DestinationTag = "messaging.destination.name";

    /// <summary>Tag: the partition, as a string.</summary>
    public const string PartitionTag = "messaging.destination.partition.id";

    /// <summary>Tag: the consumer group.</summary>
    public const string ConsumerGroupTag = "messaging.consumer.group.name";

    /// <summary>Tag: why a record was dead-lettered; at most <see cref="MaxReasons"/> distinct values, then <c>other</c>.</summary>
    public const string ReasonTag = "reason";

    /// <summary>The most distinct <see cref="ReasonTag"/> values exported per process: 64.</summary>
    public const int MaxReasons = 64;
}
