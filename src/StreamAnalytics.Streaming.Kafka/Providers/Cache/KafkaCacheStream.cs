namespace StreamAnalytics.Streaming.Kafka;

/// <summary>The cached containers of one stream, in arrival order, and the cursors reading them.</summary>
/// <param name="onAbandoned">Called when the stream holds no container and no cursor, so the cache can forget it.</param>
internal sealed class KafkaCacheStream(Action<KafkaCacheStream> onAbandoned)
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
        // Drop the reference now: a purged container must not outlive its purge until the next compaction.
        _entries[_head] = null!;
        _head++;
        FirstIndex++;
        // Compact now and then rather than shifting the list on every removal.
        if (_head >= 256 && _head * 2 >= _entries.Count)
        {
            _entries.RemoveRange(0, _head);
            _head = 0;
        }

        ForgetIfAbandoned();
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

    public void Detach(KafkaQueueCacheCursor cursor)
    {
        _cursors.Remove(cursor);
        ForgetIfAbandoned();
    }

    /// <summary>The arrival sequence of the first cached container holding an event at or after <paramref name="token"/>, if any.</summary>
    public long? FirstSequenceReaching(Orleans.Streams.StreamSequenceToken token)
    {
        for (var i = _head; i < _entries.Count; i++)
        {
            var batch = _entries[i].Batch;
            var last = batch is KafkaBatchContainer kafka ? kafka.Tokens[^1] : batch.SequenceToken;
            if (last.CompareTo(token) >= 0)
            {
                return _entries[i].Sequence;
            }
        }

        return null;
    }

    private void ForgetIfAbandoned()
    {
        if (IsEmpty && !HasCursors)
        {
            _entries.Clear();
            _head = 0;
            onAbandoned(this);
        }
    }
}
