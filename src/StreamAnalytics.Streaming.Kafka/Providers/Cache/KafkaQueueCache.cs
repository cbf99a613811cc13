using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The pulling agent's cache of one partition, indexed by stream.
/// </summary>
/// <remarks>
/// Orleans' <c>SimpleQueueCache</c> keeps one list for all streams and every cursor walks past the items of every
/// other stream, so its cost grows with streams × items: with a thousand keys per partition that walk, not Kafka,
/// bounds ingest. Here each stream keeps its own list, so a cursor only ever touches its own stream's items.
/// Items still leave in the order they arrived (oldest first, once every cursor of their stream has moved past
/// them), which is what lets the receiver commit offsets in order. Used by one pulling agent; not thread-safe.
/// </remarks>
public sealed class KafkaQueueCache : IQueueCache
{
    private readonly Queue<KafkaCacheEntry> _arrivals = new();
    private readonly Dictionary<StreamId, KafkaCacheStream> _streams = [];
    private readonly int _maxSize;
    private readonly int _maxAddCount;
    private long _nextSequence;

    /// <summary>Creates a cache holding at most <paramref name="maxSize"/> containers.</summary>
    public KafkaQueueCache(int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 8);
        _maxSize = maxSize;
        _maxAddCount = maxSize / 8;
    }

    /// <summary>Containers in the cache.</summary>
    public int Size => _arrivals.Count;

    /// <inheritdoc />
    public int GetMaxAddCount() => _maxAddCount;

    /// <inheritdoc />
    public bool IsUnderPressure() => _arrivals.Count + _maxAddCount > _maxSize;

    /// <inheritdoc />
    public void AddToCache(IList<IBatchContainer> messages)
    {
        foreach (var batch in messages)
        {
            var stream = StreamOf(batch.StreamId);
            var entry = new KafkaCacheEntry(batch, _nextSequence++, stream);
            stream.Append(entry);
            _arrivals.Enqueue(entry);
        }
    }

    /// <inheritdoc />
    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems) => Purge(deliveredOnly: false, out purgedItems);

    /// <summary>
    /// Like <see cref="TryPurgeFromCache"/>, but stops at the first container that no cursor delivered: used when the
    /// agent stops, after it has already dropped its cursors, so that "no cursor needs it" no longer means delivered.
    /// </summary>
    public bool TryPurgeDelivered(out IList<IBatchContainer> purgedItems) => Purge(deliveredOnly: true, out purgedItems);

    private bool Purge(bool deliveredOnly, out IList<IBatchContainer> purgedItems)
    {
        List<IBatchContainer>? purged = null;
        while (_arrivals.TryPeek(out var oldest)
            && !oldest.Stream.IsNeeded(oldest.Sequence)
            && (!deliveredOnly || oldest.Delivered || oldest.DeliveryFailed))
        {
            _arrivals.Dequeue();
            oldest.Stream.RemoveOldest();

            if (!oldest.DeliveryFailed)
            {
                (purged ??= []).Add(oldest.Batch);
            }
        }

        purgedItems = purged ?? [];
        return purged is not null;
    }

    /// <summary>
    /// A cursor over <paramref name="streamId"/> starting at the first of its containers that holds an event at or
    /// after <paramref name="token"/> (or with the next one to arrive); with no token, at the newest container.
    /// A token older than everything cached starts at the stream's oldest container: at-least-once favours
    /// delivering again over skipping.
    /// </summary>
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        var stream = StreamOf(streamId);
        var start = token is null
            ? Math.Max(0, _nextSequence - 1)
            : stream.FirstSequenceReaching(token) ?? _nextSequence;
        return new KafkaQueueCacheCursor(stream, start);
    }

    private KafkaCacheStream StreamOf(StreamId streamId)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            stream = new KafkaCacheStream(_ => _streams.Remove(streamId));
            _streams.Add(streamId, stream);
        }

        return stream;
    }
}
