using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace StreamAnalytics.Grains.Training;

/// <summary>
/// Picks a random trainer silo among those compatible with the grain (their <see cref="SiloRoles.MetadataKey"/>
/// metadata names <c>trainer</c>); with none, activation fails with <see cref="NoTrainerSiloException"/>, so workers
/// never train.
/// </summary>
public sealed class TrainerPlacementDirector(ISiloMetadataCache metadata) : IPlacementDirector
{
    /// <summary>The compatible silos that have the trainer role.</summary>
    public IReadOnlyList<SiloAddress> TrainerSilos(IEnumerable<SiloAddress> silos) =>
        [.. silos.Where(silo => SiloRoles.IsTrainer(metadata.GetSiloMetadata(silo).Metadata.GetValueOrDefault(SiloRoles.MetadataKey)))];

    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trainers = TrainerSilos(context.GetCompatibleSilos(target));
        return trainers.Count == 0
            ? Task.FromException<SiloAddress>(new NoTrainerSiloException())
            : Task.FromResult(trainers[Random.Shared.Next(trainers.Count)]);
    }
}
