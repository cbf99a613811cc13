namespace StreamAnalytics.Grains.Training;

/// <summary>Places a grain only on a silo with the <c>trainer</c> role (see <see cref="TrainerPlacementDirector"/>).</summary>
[GenerateSerializer, Immutable]
public sealed class TrainerPlacement : PlacementStrategy;
