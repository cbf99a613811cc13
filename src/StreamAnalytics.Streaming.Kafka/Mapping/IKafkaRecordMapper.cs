namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Turns one Kafka record written by any client into the stream events it feeds. One record may feed several
/// streams (an interaction feeds its user's stream and its product's stream) or none.
/// Register one under the provider name as a keyed service to replace <see cref="KeyFieldRecordMapper"/>.
/// Records written by Orleans producers never reach a mapper: the provider decodes them itself.
/// </summary>
public interface IKafkaRecordMapper
{
    /// <summary>
    /// Adds to <paramref name="events"/> every stream event <paramref name="record"/> feeds.
    /// Throws <see cref="InvalidKafkaRecordException"/> for a record that is not valid; the provider counts and
    /// logs it and goes on with the next record.
    /// </summary>
    void Map(KafkaRecord record, ICollection<KafkaStreamEvent> events);
}

/// <summary>One event for one stream, produced by an <see cref="IKafkaRecordMapper"/>.</summary>
public readonly record struct KafkaStreamEvent(StreamId StreamId, object Event);

/// <summary>Thrown by a mapper for a record that cannot be delivered; <see cref="Exception.Message"/> is the reason.</summary>
public sealed class InvalidKafkaRecordException(string reason) : Exception(reason);
