namespace StreamAnalytics.Abstractions.Models;

/// <summary>A model kind's latest training run, as its trainer grain reports it.</summary>
/// <param name="Kind">The model kind.</param>
/// <param name="State"><c>idle</c> (never ran), <c>running</c>, <c>promoted</c>, <c>rejected</c>, <c>skipped</c> (too little
/// data) or <c>failed</c>.</param>
/// <param name="Reason">Why it was triggered and, once done, what happened.</param>
/// <param name="StartedAt">When it started; null when idle.</param>
/// <param name="FinishedAt">When it finished; null while running or idle.</param>
/// <param name="Version">The registry version the candidate got; null when none was registered.</param>
/// <param name="TrainerSilo">The silo that trained.</param>
/// <param name="Data">What the trainer silo's training store holds for the kind; null for kinds without one (faces train
/// from the gallery).</param>
[GenerateSerializer, Immutable]
public sealed record TrainingRun(
    [property: Id(0)] string Kind,
    [property: Id(1)] string State,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? FinishedAt,
    [property: Id(5)] int? Version,
    [property: Id(6)] string? TrainerSilo,
    [property: Id(7)] TrainingDataStats? Data = null);
