using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// The cluster's identity directory: which identities are enrolled, and a version every change advances, so silos
/// fetch only what changed (rules in <see cref="IdentityDirectoryState"/>). Every change is stored before it is
/// acknowledged.
/// </summary>
public sealed class IdentityDirectoryGrain(
    [PersistentState("identities")] IPersistentState<IdentityDirectoryState> state,
    IOptions<FaceServingOptions> options) : Grain, IIdentityDirectoryGrain
{
    public async Task<long> Changed(string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        if (!state.State.TryChange(identity, options.Value.MaxIdentities))
        {
            return -1;
        }

        await state.WriteStateAsync();
        return state.State.Version;
    }

    public async Task<long> Removed(string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        if (state.State.Remove(identity))
        {
            await state.WriteStateAsync();
        }

        return state.State.Version;
    }

    public Task<GalleryChanges> ChangesSince(long version) => Task.FromResult(state.State.Since(version));

    public Task<IReadOnlyList<string>> List() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Identities.Keys.Order(StringComparer.Ordinal)]);
}
