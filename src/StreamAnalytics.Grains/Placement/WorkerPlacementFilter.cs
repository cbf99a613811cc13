using Orleans.Placement;

namespace StreamAnalytics.Grains.Placement;

/// <summary>
/// The placement filter of serving grains (users, products, cameras, identities): only silos with the worker role, so a
/// trainer-only silo never serves and training never slows serving (see <see cref="WorkerPlacementFilterDirector"/>).
/// </summary>
public sealed class WorkerPlacementFilter() : PlacementFilterStrategy(order: 0);
