using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Maps Kafka partitions to Orleans queues, one queue per partition of each configured topic.
/// Queue ids depend only on the options (topic names and partition counts), so every silo and client derives the
/// same ids and the queue balancer can hand any partition to any silo.
/// </summary>
public sealed class KafkaQueueMapper : IStreamQueueMapper
{
    private readonly QueueId[] _queues;
    private readonly Dictionary<string, string> _topicByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _partitionsByTopic = new(StringComparer.Ordinal);

    /// <summary>Builds the queue list from <paramref name="options"/>.</summary>
    public KafkaQueueMapper(KafkaStreamOptions options)
    {
        var queues = new List<QueueId>();
        foreach (var (topic, topicOptions) in options.Topics.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            _partitionsByTopic[topic] = topicOptions.Partitions;
            for (var partition = 0; partition < topicOptions.Partitions; partition++)
            {
                queues.Add(ToQueueId(topic, partition));
            }

            // Orleans producers write to the first topic (by name) routing their namespace, or the topic named like it.
            var namespaces = topicOptions.Streams.Count == 0 ? [topic] : topicOptions.Streams.Select(s => s.Namespace);
            foreach (var ns in namespaces)
            {
                _topicByNamespace.TryAdd(ns, topic);
            }
        }

        _queues = [.. queues];
    }

    /// <summary>The queue of one topic partition.</summary>
    public static QueueId ToQueueId(string topic, int partition) =>
        QueueId.GetQueueId(topic, (uint)partition, StableHash(System.Text.Encoding.UTF8.GetBytes($"{topic}/{partition}")));

    /// <summary>The topic and partition a queue stands for.</summary>
    public static (string Topic, int Partition) ToTopicPartition(QueueId queueId) =>
        (queueId.GetStringNamePrefix(), (int)queueId.GetNumericId());

    /// <inheritdoc />
    public IEnumerable<QueueId> GetAllQueues() => _queues;

    /// <inheritdoc />
    public QueueId GetQueueForStream(StreamId streamId)
    {
        var (topic, partition) = GetTopicPartitionForStream(streamId);
        return ToQueueId(topic, partition);
    }

    /// <summary>
    /// Where an Orleans producer writes events of <paramref name="streamId"/>: the topic routing its namespace,
    /// and a partition chosen by a hash of the stream id that is the same in every process.
    /// </summary>
    public (string Topic, int Partition) GetTopicPartitionForStream(StreamId streamId)
    {
        var ns = streamId.GetNamespace() ?? "";
        if (!_topicByNamespace.TryGetValue(ns, out var topic))
        {
            throw new InvalidOperationException(
                $"No Kafka topic routes stream namespace '{ns}': add a topic named '{ns}' or a route with Namespace '{ns}' to Kafka:Topics.");
        }

        var partition = (int)(StableHash(streamId.Key.Span) % (uint)_partitionsByTopic[topic]);
        return (topic, partition);
    }

    // FNV-1a: hashes must be identical in every process, which string.GetHashCode is not.
    private static uint StableHash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
