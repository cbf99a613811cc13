using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Silo.Training.Store;

/// <summary>
/// A trainer silo's rating training data, fed by <see cref="RatingStoreConsumer"/>: every interaction goes through a
/// <see cref="RatingExampleExtractor"/> in arrival order (the features serving would have read at that moment) and
/// each rating becomes an example kept in a <see cref="RatingExampleWindow"/> of <see cref="TrainingOptions.RatingRetention"/>.
/// It remembers the next offset per partition, so a record read again after a restart is not counted twice.
/// Thread-safe: the consumer adds while the trainer grain captures.
/// </summary>
public sealed class RatingTrainingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, long> _nextOffsets = [];
    private RatingExampleExtractor _extractor = RatingExampleExtractor.InArrivalOrder();
    private RatingExampleWindow _window;
    private long _ingested;
    private long _ingestedAtTraining;
    private DateTimeOffset? _persistedAt;
    private long? _lag;

    /// <summary>An empty store keeping at most <paramref name="retention"/> ratings.</summary>
    public RatingTrainingStore(int retention) => _window = new RatingExampleWindow(retention);

    /// <summary>Applies one record of partition <paramref name="partition"/> at <paramref name="offset"/>, unless a
    /// record at or after that offset was already applied; returns whether it was applied.</summary>
    public bool Add(InteractionEvent interaction, int partition, long offset)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        lock (_lock)
        {
            if (_nextOffsets.TryGetValue(partition, out var next) && offset < next)
            {
                return false;
            }

            _nextOffsets[partition] = offset + 1;
            if (_extractor.Next(interaction) is { } example)
            {
                _window.Add(example);
                _ingested++;
            }

            return true;
        }
    }

    /// <summary>Marks a record that was read but not applied (malformed): only its offset moves on.</summary>
    public void Skip(int partition, long offset)
    {
        lock (_lock)
        {
            if (!_nextOffsets.TryGetValue(partition, out var next) || offset >= next)
            {
                _nextOffsets[partition] = offset + 1;
            }
        }
    }

    /// <summary>The offset of the next record to read from <paramref name="partition"/>; null when none was read.</summary>
    public long? NextOffset(int partition)
    {
        lock (_lock)
        {
            return _nextOffsets.TryGetValue(partition, out var next) ? next : null;
        }
    }

    /// <summary>Forgets what was read from <paramref name="partition"/> (its log was reset, e.g. a fresh embedded broker);
    /// the examples stay.</summary>
    public void ResetPartition(int partition)
    {
        lock (_lock)
        {
            _nextOffsets.Remove(partition);
        }
    }

    /// <summary>The examples held (oldest first) and how many there were ever, for a training run.</summary>
    public RatingStoreCapture Capture()
    {
        lock (_lock)
        {
            return new RatingStoreCapture(_window.ToArray(), _ingested, _ingested - _ingestedAtTraining);
        }
    }

    /// <summary>Records that a training started on the examples up to <paramref name="ingested"/> (a capture's count).</summary>
    public void MarkTrained(long ingested)
    {
        lock (_lock)
        {
            _ingestedAtTraining = Math.Max(_ingestedAtTraining, ingested);
        }
    }

    /// <summary>Records a successful write to disk and the consumer's lag then.</summary>
    public void MarkPersisted(DateTimeOffset at, long? lag)
    {
        lock (_lock)
        {
            _persistedAt = at;
            _lag = lag;
        }
    }

    /// <summary>What the store holds now.</summary>
    public TrainingDataStats Stats()
    {
        lock (_lock)
        {
            var range = _window.EventTimeRange();
            return new TrainingDataStats(
                _window.Count, _window.Capacity, _ingested, _ingested - _ingestedAtTraining, range?.Oldest, range?.Newest, _persistedAt, _lag);
        }
    }

    /// <summary>The whole state, for <see cref="RatingStoreFile"/>. Shares the feature objects: write it before adding more.</summary>
    public RatingStoreSnapshot ToSnapshot()
    {
        lock (_lock)
        {
            return new RatingStoreSnapshot
            {
                Ratings = [.. _window.ToArray().Select(StoredRating.From)],
                Users = new(_extractor.Users, StringComparer.Ordinal),
                Products = new(_extractor.Products, StringComparer.Ordinal),
                NextOffsets = new(_nextOffsets),
                Ingested = _ingested,
                IngestedAtTraining = _ingestedAtTraining,
            };
        }
    }

    /// <summary>Replaces the state with <paramref name="snapshot"/>'s (at start, before any record is read). A snapshot
    /// holding more than the retention keeps its newest.</summary>
    public void Restore(RatingStoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            _extractor = RatingExampleExtractor.InArrivalOrder(snapshot.Users, snapshot.Products);
            _window = new RatingExampleWindow(_window.Capacity);
            foreach (var rating in snapshot.Ratings)
            {
                _window.Add(rating.ToExample());
            }

            _nextOffsets.Clear();
            foreach (var (partition, next) in snapshot.NextOffsets)
            {
                _nextOffsets[partition] = next;
            }

            _ingested = snapshot.Ingested;
            _ingestedAtTraining = snapshot.IngestedAtTraining;
        }
    }
}

/// <summary>The rating store's examples at one moment, for a training run.</summary>
/// <param name="Examples">The examples held, oldest (in arrival order) first.</param>
/// <param name="Ingested">Examples ever added, as of the capture.</param>
/// <param name="NewSinceTraining">Examples added since the last training started.</param>
public sealed record RatingStoreCapture(IReadOnlyList<RatingExample> Examples, long Ingested, long NewSinceTraining);
