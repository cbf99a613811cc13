using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Reads one stream's containers from a <see cref="KafkaQueueCache"/>. The container returned last counts as
/// in delivery, and stays in the cache, until the next <see cref="MoveNext"/> or <see cref="Dispose"/>.
/// </summary>
internal sealed class KafkaQueueCacheCursor : IQueueCacheCursor
{
    private KafkaCacheStream? _stream;
    private KafkaCacheEntry? _current;
    private long _nextSequence;
    private long _nextIndex;

    public KafkaQueueCacheCursor(KafkaCacheStream stream, long startSequence)
    {
        _stream = stream;
        _nextSequence = startSequence;
        _nextIndex = stream.FirstIndex;
        stream.Attach(this);
    }

    /// <summary>The oldest arrival this cursor still needs: the one in delivery, else the next it will read.</summary>
    public long LowestNeeded => _current?.Sequence ?? _nextSequence;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return _current?.Batch;
    }

    public bool MoveNext()
    {
        // The agent asks for the next container only once it is done delivering the current one.
        if (_current is not null)
        {
            _current.Delivered = true;
        }

        _current = null;
        if (_stream is null)
        {
            return false;
        }

        _nextIndex = Math.Max(_nextIndex, _stream.FirstIndex);
        while (_nextIndex < _stream.EndIndex)
        {
            var entry = _stream.At(_nextIndex++);
            if (entry.Sequence >= _nextSequence)
            {
                _current = entry;
                _nextSequence = entry.Sequence + 1;
                return true;
            }
        }

        return false;
    }

    // New containers of this stream are visible through the stream's own list; there is nothing to re-seek.
    public void Refresh(StreamSequenceToken token)
    {
    }

    public void RecordDeliveryFailure()
    {
        if (_current is not null)
        {
            _current.DeliveryFailed = true;
        }
    }

    public void Dispose()
    {
        _stream?.Detach(this);
        _stream = null;
        _current = null;
    }
}
