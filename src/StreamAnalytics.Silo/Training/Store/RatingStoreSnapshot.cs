using StreamAnalytics.Grains.Features;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Silo.Training.Store;

/// <summary>
/// What <see cref="RatingStoreFile"/> writes: the rating store's examples, the features it builds them from, and where
/// in each partition of <c>interactions</c> it has read to, so a restart resumes exactly after what was persisted.
/// </summary>
[GenerateSerializer]
public sealed class RatingStoreSnapshot
{
    /// <summary>The examples held, oldest first.</summary>
    [Id(0)]
    public List<StoredRating> Ratings { get; init; } = [];

    /// <summary>Every user's features as the store last saw them.</summary>
    [Id(1)]
    public Dictionary<string, UserFeatures> Users { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Every product's features as the store last saw them.</summary>
    [Id(2)]
    public Dictionary<string, ProductFeatures> Products { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Per partition, the offset of the next record to read (records before it are applied).</summary>
    [Id(3)]
    public Dictionary<int, long> NextOffsets { get; init; } = [];

    /// <summary>Examples ever added.</summary>
    [Id(4)]
    public long Ingested { get; init; }

    /// <summary><see cref="Ingested"/> when the last training started.</summary>
    [Id(5)]
    public long IngestedAtTraining { get; init; }
}

/// <summary>One stored rating example (see <see cref="RatingExample"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record StoredRating(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] float[] Features,
    [property: Id(4)] float Target)
{
    /// <summary>The stored form of <paramref name="example"/>.</summary>
    public static StoredRating From(RatingExample example) =>
        new(example.UserId, example.ProductId, example.Timestamp, example.Features, example.Target);

    /// <summary>Back to a training example.</summary>
    public RatingExample ToExample() => new(UserId, ProductId, Timestamp, Features, Target);
}
