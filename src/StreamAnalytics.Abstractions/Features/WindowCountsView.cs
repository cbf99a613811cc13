namespace StreamAnalytics.Abstractions.Features;

/// <summary>
/// Interactions in sliding windows ending at the entity's latest event time (event time, not wall-clock time).
/// </summary>
/// <param name="LastHour">Events in the current minute and the 59 before it.</param>
/// <param name="LastDay">Events in the current hour and the 23 before it.</param>
[GenerateSerializer, Immutable]
public sealed record WindowCountsView([property: Id(0)] long LastHour, [property: Id(1)] long LastDay);
