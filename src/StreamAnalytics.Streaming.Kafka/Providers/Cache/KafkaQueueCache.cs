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
            if (!_streams.TryGetValue(batch.StreamId, out var stream))
            {
                stream = new KafkaCacheStream();
                _streams.Add(batch.StreamId, stream);
            }

            var entry = new KafkaCacheEntry(batch, _nextSequence++, stream);
            stream.Append(entry);
            _arrivals.Enqueue(entry);
        }
    }

    /// <inheritdoc />
    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        List<IBatchContainer>? purged = null;
        while (_arrivals.TryPeek(out var oldest) && !oldest.Stream.IsNeeded(oldest.Sequence))
        {
            _arrivals.Dequeue();
            oldest.Stream.RemoveOldest();
            if (oldest.Stream.IsEmpty && !oldest.Stream.HasCursors)
            {
                _streams.Remove(oldest.Batch.StreamId);
            }

            if (!oldest.DeliveryFailed)
            {
                (purged ??= []).Add(oldest.Batch);
            }
        }

        purgedItems = purged ?? [];
        return purged is not null;
    }

    /// <summary>
    /// A cursor over <paramref name="streamId"/> starting at the first container that holds an event at or after
    /// <paramref name="token"/>; with no token, at the newest container. A token older than everything cached
    /// starts at the oldest container: at-least-once favours delivering again over skipping.
    /// </summary>
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            stream = new KafkaCacheStream();
            _streams.Add(streamId, stream);
        }

        long start;
        if (token is null)
        {
            start = Math.Max(0, _nextSequence - 1);
        }
        else
        {
            start = _nextSequence;
            foreach (var entry in _arrivals)
            {
                if (LastToken(entry.Batch).CompareTo(token) >= 0)
                {
                    start = entry.Sequence;
                    break;
                }
            }
        }

        return new KafkaQueueCacheCursor(stream, start);
    }

    private static StreamSequenceToken LastToken(IBatchContainer batch) =>
        batch is KafkaBatchContainer kafka ? kafka.Tokens[^1] : batch.SequenceToken;
}
