namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Decides which offset of one partition may be committed, from the order in which containers entered the
/// pulling agent's cache and the containers the cache has purged.
/// </summary>
/// <remarks>
/// The cache purges strictly oldest-first, and only once every subscriber's cursor has moved past an item.
/// So when the container received n-th is purged, every container received before it has left the cache too,
/// and every poll whose last container is at or before n is fully delivered: its next offset may be committed.
/// Not thread-safe; the pulling agent calls a receiver one operation at a time.
/// </remarks>
public sealed class PartitionCommitTracker
{
    private readonly LinkedList<(long LastSequence, long NextOffset)> _pendingPolls = new();
    private long _nextSequence;

    /// <summary>The offset most recently released for commit, or -1 before any.</summary>
    public long CommittableOffset { get; private set; } = -1;

    /// <summary>How many polls still have containers in the cache.</summary>
    public int PendingPolls => _pendingPolls.Count;

    /// <summary>
    /// Records one poll that produced <paramref name="containerCount"/> containers and read up to
    /// <paramref name="nextOffset"/> (the offset after its last record). Returns the receive sequence of its
    /// first container; the others follow consecutively.
    /// </summary>
    public long RegisterPoll(int containerCount, long nextOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(containerCount);
        var first = _nextSequence;
        if (containerCount > 0)
        {
            _nextSequence += containerCount;
            _pendingPolls.AddLast((_nextSequence - 1, nextOffset));
        }
        else if (_pendingPolls.Count == 0)
        {
            // Nothing of this poll reached a stream (all records unmapped or rejected): it is done already.
            CommittableOffset = Math.Max(CommittableOffset, nextOffset);
        }
        else
        {
            // Done as soon as everything before it is: fold it into the newest pending poll.
            _pendingPolls.Last!.Value = (_pendingPolls.Last.Value.LastSequence, nextOffset);
        }

        return first;
    }

    /// <summary>
    /// Notes that the container with receive sequence <paramref name="purgedSequence"/> (and so every older one)
    /// has left the cache. Returns true and the new committable offset when it moved forward.
    /// </summary>
    public bool TryAdvance(long purgedSequence, out long committableOffset)
    {
        var moved = false;
        while (_pendingPolls.First is { } oldest && oldest.Value.LastSequence <= purgedSequence)
        {
            CommittableOffset = Math.Max(CommittableOffset, oldest.Value.NextOffset);
            _pendingPolls.RemoveFirst();
            moved = true;
        }

        committableOffset = CommittableOffset;
        return moved;
    }
}
