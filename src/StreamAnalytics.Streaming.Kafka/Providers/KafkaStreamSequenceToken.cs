using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The position of one event in Kafka: topic, partition, offset, and the index of the event within its record
/// (a record written by an Orleans producer may carry several events).
/// A consumer that remembers the highest offset it applied per topic-partition can recognise a redelivered event.
/// Tokens are ordered by offset then index, which is meaningful only within one partition.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class KafkaStreamSequenceToken : StreamSequenceToken
{
    /// <summary>Creates a token.</summary>
    public KafkaStreamSequenceToken(string topic, int partition, long offset, int eventIndex = 0)
    {
        Topic = topic;
        Partition = partition;
        SequenceNumber = offset;
        EventIndex = eventIndex;
    }

    /// <summary>The topic the event was read from.</summary>
    [Id(0)]
    public string Topic { get; }

    /// <summary>The partition the event was read from.</summary>
    [Id(1)]
    public int Partition { get; }

    /// <summary>The Kafka offset of the record that carried the event (same as <see cref="SequenceNumber"/>).</summary>
    public long Offset => SequenceNumber;

    /// <inheritdoc />
    [Id(2)]
    public override long SequenceNumber { get; protected set; }

    /// <inheritdoc />
    [Id(3)]
    public override int EventIndex { get; protected set; }

    /// <inheritdoc />
    public override bool Equals(StreamSequenceToken? other) =>
        other is KafkaStreamSequenceToken token
        && token.SequenceNumber == SequenceNumber
        && token.EventIndex == EventIndex
        && token.Partition == Partition
        && string.Equals(token.Topic, Topic, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamSequenceToken token && Equals(token);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Topic, Partition, SequenceNumber, EventIndex);

    /// <inheritdoc />
    public override int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byOffset = SequenceNumber.CompareTo(other.SequenceNumber);
        return byOffset != 0 ? byOffset : EventIndex.CompareTo(other.EventIndex);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Topic}[{Partition}]@{SequenceNumber}#{EventIndex}";
}
