using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using StreamAnalytics.Grains.Training;

namespace StreamAnalytics.Grains.Placement;

/// <summary>
/// Keeps the silos whose <see cref="SiloRoles.MetadataKey"/> metadata names the worker role. When none does, the silos
/// whose roles are not known yet (a host without silo metadata, such as a benchmark's silo, or a silo this one's
/// metadata cache has not heard from since it joined) are kept rather than silos known to be trainer-only; and when
/// every candidate is trainer-only, all are kept: serving somewhere beats failing every call.
/// </summary>
public sealed class WorkerPlacementFilterDirector(IServiceProvider services) : IPlacementFilterDirector
{
    // Only hosts that publish roles (UseSiloMetadata) have the cache; the others have nothing to filter on.
    private readonly ISiloMetadataCache? _metadata = services.GetService<ISiloMetadataCache>();

    /// <inheritdoc />
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos as IReadOnlyCollection<SiloAddress> ?? [.. silos];
        return _metadata is null
            ? candidates
            : KeepWorkers(candidates, silo => _metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloRoles.MetadataKey));
    }

    /// <summary>The candidates whose roles (<paramref name="rolesOf"/>: the <see cref="SiloRoles.MetadataKey"/> value, or
    /// null when not known) name the worker role, in their order; failing that the ones with unknown roles; failing that
    /// every candidate.</summary>
    internal static IReadOnlyCollection<SiloAddress> KeepWorkers(IReadOnlyCollection<SiloAddress> candidates, Func<SiloAddress, string?> rolesOf)
    {
        var roles = candidates.Select(silo => (Silo: silo, Roles: rolesOf(silo))).ToList();
        var workers = roles.Where(c => SiloRoles.IsWorker(c.Roles)).Select(c => c.Silo).ToList();
        if (workers.Count > 0)
        {
            return workers;
        }

        var unknown = roles.Where(c => c.Roles is null).Select(c => c.Silo).ToList();
        return unknown.Count > 0 ? unknown : candidates;
    }
}
