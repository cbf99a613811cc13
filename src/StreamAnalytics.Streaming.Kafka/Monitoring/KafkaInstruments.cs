using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The provider's instruments (<see cref="KafkaMeterNames"/>), one set per process shared by every Kafka stream
/// provider in it. Lag is observed from <see cref="KafkaConsumerLagMonitor"/> when the exporter collects.
/// </summary>
public sealed class KafkaInstruments
{
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _deadLettered;
    private readonly ConcurrentDictionary<string, string> _reasons = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on the <see cref="KafkaMeterNames.Meter"/> meter.</summary>
    public KafkaInstruments(IMeterFactory meterFactory, KafkaConsumerLagMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(monitor);
        var meter = meterFactory.Create(KafkaMeterNames.Meter);
        _consumed = meter.CreateCounter<long>(KafkaMeterNames.ConsumedMessages, "{message}", "Records read from Kafka partitions.");
        _deadLettered = meter.CreateCounter<long>(KafkaMeterNames.DeadLettered, "{message}", "Rejected records written to the dead-letter topic.");
        meter.CreateObservableGauge(KafkaMeterNames.ConsumerLag, () => ObserveLag(monitor), "{message}", "Records in a pulled partition not read yet.");
    }

    /// <summary>The tags of one partition's consumer instruments, built once per receiver.</summary>
    public static TagList PartitionTags(string topic, int partition, string consumerGroup) => new()
    {
        { KafkaMeterNames.SystemTag, "kafka" },
        { KafkaMeterNames.DestinationTag, topic },
        { KafkaMeterNames.PartitionTag, partition.ToString(CultureInfo.InvariantCulture) },
        { KafkaMeterNames.ConsumerGroupTag, consumerGroup },
    };

    internal void Consumed(long records, in TagList partitionTags) => _consumed.Add(records, partitionTags);

    internal void DeadLettered(string sourceTopic, string reason) => _deadLettered.Add(
        1,
        new KeyValuePair<string, object?>(KafkaMeterNames.SystemTag, "kafka"),
        new KeyValuePair<string, object?>(KafkaMeterNames.DestinationTag, sourceTopic),
        new KeyValuePair<string, object?>(KafkaMeterNames.ReasonTag, BoundedReason(reason)));

    // Reasons are free text from mappers (a JSON error may name a position); Prometheus must not get a series per record.
    private string BoundedReason(string reason)
    {
        if (_reasons.TryGetValue(reason, out var known))
        {
            return known;
        }

        return _reasons.Count >= KafkaMeterNames.MaxReasons ? "other" : _reasons.GetOrAdd(reason, reason);
    }

    private static IEnumerable<Measurement<long>> ObserveLag(KafkaConsumerLagMonitor monitor) =>
        monitor.OwnedPartitions.Select(p => new Measurement<long>(p.Lag, PartitionTags(p.Topic, p.Partition, p.ConsumerGroup)));
}
