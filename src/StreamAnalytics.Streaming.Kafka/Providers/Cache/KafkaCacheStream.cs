namespace StreamAnalytics.Streaming.Kafka;

/// <summary>One container in a <see cref="KafkaQueueCache"/>: its arrival order and the stream it belongs to.</summary>
internal sealed class KafkaCacheEntry(Orleans.Streams.IBatchContainer batch, long sequence, KafkaCacheStream stream)
{
    public Orleans.Streams.IBatchContainer Batch { get; } = batch;

    public long Sequence { get; } = sequence;

    public KafkaCacheStream Stream { get; } = stream;

    public bool DeliveryFailed { get; set; }
}

/// <summary>The cached containers of one stream, in arrival order, and the cursors reading them.</summary>
internal sealed class KafkaCacheStream
{
    private readonly List<KafkaCacheEntry> _entries = [];
    private readonly List<KafkaQueueCacheCursor> _cursors = [];
    private int _head;

    /// <summary>Index, counted over every entry this stream ever had, of the oldest cached one.</summary>
    public long FirstIndex { get; private set; }

    /// <summary>One past the index of the newest entry.</summary>
    public long EndIndex => FirstIndex + (_entries.Count - _head);

    public bool IsEmpty => _entries.Count == _head;

    public bool HasCursors => _cursors.Count > 0;

    public KafkaCacheEntry At(long index) => _entries[_head + (int)(index - FirstIndex)];

    public void Append(KafkaCacheEntry entry) => _entries.Add(entry);

    public void RemoveOldest()
    {
        _head++;
        FirstIndex++;
        // Compact now and then rather than shifting the list on every removal.
        if (_head >= 256 && _head * 2 >= _entries.Count)
        {
            _entries.RemoveRange(0, _head);
            _head = 0;
        }
    }

    /// <summary>True while some cursor of this stream has not yet moved past the entry of arrival <paramref name="sequence"/>.</summary>
    public bool IsNeeded(long sequence)
    {
        foreach (var cursor in _cursors)
        {
            if (cursor.LowestNeeded <= sequence)
            {
                return true;
            }
        }

        return false;
    }

    public void Attach(KafkaQueueCacheCursor cursor) => _cursors.Add(cursor);

    public void Detach(KafkaQueueCacheCursor cursor) => _cursors.Remove(cursor);
}
