using System.Collections.Concurrent;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Creates a <see cref="KafkaQueueCache"/> for each partition a silo pulls, and remembers it so that the partition's
/// receiver can release what was delivered when it shuts down (see <see cref="KafkaQueueAdapterReceiver"/>).
/// </summary>
internal sealed class KafkaQueueAdapterCache(int cacheSize) : IQueueAdapterCache
{
    private readonly ConcurrentDictionary<QueueId, KafkaQueueCache> _caches = new();

    public IQueueCache CreateQueueCache(QueueId queueId) => _caches[queueId] = new KafkaQueueCache(cacheSize);

    /// <summary>Removes and returns the cache of <paramref name="queueId"/>, if one was created.</summary>
    public KafkaQueueCache? Release(QueueId queueId) => _caches.TryRemove(queueId, out var cache) ? cache : null;
}
