using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Streaming;

/// <summary>
/// Per source partition, the position (offset, index within the record) of the newest event an entity applied.
/// Kafka delivers at least once; an event at or below its partition's watermark was applied already and is skipped,
/// which makes redelivery harmless. Kept in grain state together with the features it guards.
/// </summary>
[GenerateSerializer]
public sealed class PartitionWatermarks
{
    [Id(0)]
    private readonly Dictionary<string, long[]> _positions = [];

    /// <summary>Events recognised as redelivered and skipped.</summary>
    [Id(1)]
    public long Skipped { get; private set; }

    /// <summary>
    /// True, and the watermark moves to <paramref name="token"/>, when the event is new; false (and counted in
    /// <see cref="Skipped"/>) when it is at or below the watermark of its partition.
    /// </summary>
    public bool TryAdvance(KafkaStreamSequenceToken token)
    {
        var partition = $"{token.Topic}/{token.Partition}";
        if (_positions.TryGetValue(partition, out var mark)
            && (token.Offset < mark[0] || (token.Offset == mark[0] && token.EventIndex <= mark[1])))
        {
            Skipped++;
            return false;
        }

        _positions[partition] = [token.Offset, token.EventIndex];
        return true;
    }
}
