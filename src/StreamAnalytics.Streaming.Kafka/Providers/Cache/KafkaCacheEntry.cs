using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>One container in a <see cref="KafkaQueueCache"/>: its arrival order and the stream it belongs to.</summary>
internal sealed class KafkaCacheEntry(IBatchContainer batch, long sequence, KafkaCacheStream stream)
{
    public IBatchContainer Batch { get; } = batch;

    public long Sequence { get; } = sequence;

    public KafkaCacheStream Stream { get; } = stream;

    public bool DeliveryFailed { get; set; }

    /// <summary>A cursor moved past this container after delivering it (not merely dropped it).</summary>
    public bool Delivered { get; set; }
}
