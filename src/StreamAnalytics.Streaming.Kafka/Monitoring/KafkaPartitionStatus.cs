namespace StreamAnalytics.Streaming.Kafka;

/// <summary>What one silo's receiver knows about one partition it pulls.</summary>
/// <param name="Provider">The stream provider name.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Position">The offset of the next record the receiver will read; -1 before the first read.</param>
/// <param name="HighWatermark">The offset after the newest record in the partition, as last reported by the broker; -1 if unknown.</param>
/// <param name="CommittableOffset">The offset stored for commit (everything before it was delivered); -1 before any.</param>
/// <param name="Rejected">Records the mapper rejected as invalid since the receiver started.</param>
/// <param name="ConsumerGroup">The consumer group whose offsets the receiver commits.</param>
public sealed record KafkaPartitionStatus(
    string Provider,
    string Topic,
    int Partition,
    long Position,
    long HighWatermark,
    long CommittableOffset,
    long Rejected,
    string ConsumerGroup)
{
    /// <summary>Records in the partition not yet read by the receiver; 0 when either end is unknown.</summary>
    public long Lag => Position >= 0 && HighWatermark >= 0 ? Math.Max(0, HighWatermark - Position) : 0;
}
