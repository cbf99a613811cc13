using System.Collections.Concurrent;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Per-partition consumer position and lag of the partitions this silo currently pulls, for health endpoints and
/// metrics. One per process, shared by every Kafka stream provider in it.
/// </summary>
public sealed class KafkaConsumerLagMonitor
{
    private readonly ConcurrentDictionary<(string Provider, string Topic, int Partition), KafkaPartitionStatus> _partitions = new();

    /// <summary>The partitions this silo pulls now, ordered by provider, topic and partition.</summary>
    public IReadOnlyList<KafkaPartitionStatus> OwnedPartitions =>
        [.. _partitions.Values.OrderBy(p => p.Provider).ThenBy(p => p.Topic).ThenBy(p => p.Partition)];

    /// <summary>Total lag over the partitions this silo pulls.</summary>
    public long TotalLag => _partitions.Values.Sum(p => p.Lag);

    internal void Report(KafkaPartitionStatus status) =>
        _partitions[(status.Provider, status.Topic, status.Partition)] = status;

    internal void Release(string provider, string topic, int partition) =>
        _partitions.TryRemove((provider, topic, partition), out _);
}
