using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using StreamAnalytics.Grains.Training;

namespace StreamAnalytics.Grains.Placement;

/// <summary>
/// Keeps the silos whose <see cref="SiloRoles.MetadataKey"/> metadata names the worker role. When none does (a host
/// without silo metadata, such as a benchmark's silo, or a cluster of trainer-only silos), every candidate is kept:
/// serving somewhere beats failing every call.
/// </summary>
public sealed class WorkerPlacementFilterDirector(IServiceProvider services) : IPlacementFilterDirector
{
    // Only hosts that publish roles (UseSiloMetadata) have the cache; the others have nothing to filter on.
    private readonly ISiloMetadataCache? _metadata = services.GetService<ISiloMetadataCache>();

    /// <inheritdoc />
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos as IReadOnlyCollection<SiloAddress> ?? [.. silos];
        if (_metadata is null)
        {
            return candidates;
        }

        var workers = candidates.Where(silo => SiloRoles.IsWorker(_metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloRoles.MetadataKey))).ToList();
        return workers.Count > 0 ? workers : candidates;
    }
}
