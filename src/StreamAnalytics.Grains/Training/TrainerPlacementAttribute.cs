using Orleans.Placement;

namespace StreamAnalytics.Grains.Training;

/// <summary>Marks a grain class to be placed only on trainer silos.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TrainerPlacementAttribute() : PlacementAttribute(new TrainerPlacement());
