using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>Creates a <see cref="KafkaQueueCache"/> for each partition a silo pulls.</summary>
internal sealed class KafkaQueueAdapterCache(int cacheSize) : IQueueAdapterCache
{
    public IQueueCache CreateQueueCache(QueueId queueId) => new KafkaQueueCache(cacheSize);
}
