using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// The cluster's identity directory: which identities are enrolled, and a version every change advances, so silos
/// fetch only what changed. Deletions are remembered as names for the last <see cref="RemovalsKept"/> only (a deleted
/// person's name should not be kept forever); a silo further behind than that is told to start over.
/// </summary>
public sealed class IdentityDirectoryGrain(
    [PersistentState("identities")] IPersistentState<IdentityDirectoryState> state,
    IOptions<FaceServingOptions> options) : Grain, IIdentityDirectoryGrain
{
    /// <summary>Deletions remembered: 1,024.</summary>
    public const int RemovalsKept = 1024;

    private IdentityDirectoryState State => state.State;

    public async Task<long> Changed(string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        if (!State.Identities.ContainsKey(identity) && State.Identities.Count >= options.Value.MaxIdentities)
        {
            return -1;
        }

        State.Version++;
        State.Identities[identity] = State.Version;
        await state.WriteStateAsync();
        return State.Version;
    }

    public async Task<long> Removed(string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        if (!State.Identities.Remove(identity))
        {
            return State.Version;
        }

        State.Version++;
        State.Removals.Add(new RemovedIdentity(identity, State.Version));
        if (State.Removals.Count > RemovalsKept)
        {
            State.ForgottenThrough = State.Removals[0].Version;
            State.Removals.RemoveAt(0);
        }

        await state.WriteStateAsync();
        return State.Version;
    }

    public Task<GalleryChanges> ChangesSince(long version)
    {
        // A silo that has seen nothing, or whose last look predates forgotten deletions, starts from the full list.
        if (version <= 0 || version < State.ForgottenThrough || version > State.Version)
        {
            return Task.FromResult(new GalleryChanges(State.Version, Reset: true, [.. State.Identities.Keys.Order(StringComparer.Ordinal)], []));
        }

        var changed = State.Identities.Where(e => e.Value > version).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var removed = State.Removals.Where(r => r.Version > version && !State.Identities.ContainsKey(r.Identity)).Select(r => r.Identity).Distinct().ToList();
        return Task.FromResult(new GalleryChanges(State.Version, Reset: false, changed, removed));
    }

    public Task<IReadOnlyList<string>> List() =>
        Task.FromResult<IReadOnlyList<string>>([.. State.Identities.Keys.Order(StringComparer.Ordinal)]);

}
