namespace StreamAnalytics.Abstractions.Models;

/// <summary>What a trainer silo's training store holds for a model kind (the rating store: ratings from <c>interactions</c>).</summary>
/// <param name="Held">Examples held now (at most <paramref name="Retention"/>).</param>
/// <param name="Retention">The most examples kept; the oldest are dropped first.</param>
/// <param name="Ingested">Examples ever added to this store (across restarts, as persisted).</param>
/// <param name="NewSinceTraining">Examples added since the last training started.</param>
/// <param name="OldestEventTime">The earliest event time held; null when empty.</param>
/// <param name="NewestEventTime">The latest event time held; null when empty.</param>
/// <param name="PersistedAt">When the store was last written to disk; null before the first write.</param>
/// <param name="Lag">Records on the topic not yet read by the store's consumer, as of the last write; null when unknown.</param>
[GenerateSerializer, Immutable]
public sealed record TrainingDataStats(
    [property: Id(0)] int Held,
    [property: Id(1)] int Retention,
    [property: Id(2)] long Ingested,
    [property: Id(3)] long NewSinceTraining,
    [property: Id(4)] DateTimeOffset? OldestEventTime,
    [property: Id(5)] DateTimeOffset? NewestEventTime,
    [property: Id(6)] DateTimeOffset? PersistedAt,
    [property: Id(7)] long? Lag);
