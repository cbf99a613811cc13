using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Ingestion;

/// <summary>
/// The provider's one mapper, choosing by topic: each topic's records have their own contract (interactions are JSON
/// events, frames are image bytes keyed by camera). A record of a topic without a mapper is rejected, so a topic
/// configured by mistake dead-letters rather than feeding streams nobody expects.
/// </summary>
public sealed class TopicRecordMapper(IReadOnlyDictionary<string, IKafkaRecordMapper> mappers) : IKafkaRecordMapper
{
    /// <inheritdoc />
    public void Map(KafkaRecord record, ICollection<KafkaStreamEvent> events)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!mappers.TryGetValue(record.Topic, out var mapper))
        {
            throw new InvalidKafkaRecordException($"no mapper for topic {record.Topic}");
        }

        mapper.Map(record, events);
    }
}
