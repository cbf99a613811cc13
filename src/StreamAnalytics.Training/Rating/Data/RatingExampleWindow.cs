namespace StreamAnalytics.Training.Rating.Data;

/// <summary>
/// The newest rating examples of a live feed, for retraining: at most <see cref="Capacity"/> of them, in arrival
/// order; adding one more drops the oldest first, so memory stays bounded however long the feed runs. Not
/// thread-safe: the owner locks.
/// </summary>
public sealed class RatingExampleWindow
{
    private readonly Queue<RatingExample> _examples;

    /// <summary>An empty window of <paramref name="capacity"/> examples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public RatingExampleWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _examples = new Queue<RatingExample>(Math.Min(capacity, 1 << 16));
    }

    /// <summary>The most examples held.</summary>
    public int Capacity { get; }

    /// <summary>The examples held now.</summary>
    public int Count => _examples.Count;

    /// <summary>Examples dropped to keep within <see cref="Capacity"/> since this window was made.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds <paramref name="example"/> as the newest, dropping the oldest when full.</summary>
    public void Add(RatingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (_examples.Count == Capacity)
        {
            _examples.Dequeue();
            Dropped++;
        }

        _examples.Enqueue(example);
    }

    /// <summary>A copy of the examples held, oldest first.</summary>
    public RatingExample[] ToArray() => _examples.ToArray();

    /// <summary>The earliest and latest event time held; null when empty. (Arrival order is not event-time order
    /// across partitions, so both are searched.)</summary>
    public (DateTimeOffset Oldest, DateTimeOffset Newest)? EventTimeRange()
    {
        if (_examples.Count == 0)
        {
            return null;
        }

        var oldest = DateTimeOffset.MaxValue;
        var newest = DateTimeOffset.MinValue;
        foreach (var example in _examples)
        {
            oldest = example.Timestamp < oldest ? example.Timestamp : oldest;
            newest = example.Timestamp > newest ? example.Timestamp : newest;
        }

        return (oldest, newest);
    }
}
