using Orleans.Placement;

namespace StreamAnalytics.Grains.Placement;

/// <summary>Places the grain class on worker silos only (<see cref="WorkerPlacementFilter"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class WorkerPlacementFilterAttribute() : PlacementFilterAttribute(new WorkerPlacementFilter());
