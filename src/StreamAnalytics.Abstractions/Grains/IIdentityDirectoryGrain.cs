using StreamAnalytics.Abstractions.Faces;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>
/// The enrolled identities of the cluster and a version counter that every enrolment and deletion advances, so each
/// silo's gallery can catch up with what changed since it last looked. One per cluster: key
/// <see cref="Key"/>.
/// </summary>
public interface IIdentityDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the cluster's directory.</summary>
    const string Key = "identities";

    /// <summary>Records that <paramref name="identity"/> was enrolled or given a new face; returns the new version, or -1 when
    /// it is new and the directory already holds its maximum of identities (nothing changes then).</summary>
    Task<long> Changed(string identity);

    /// <summary>Records that <paramref name="identity"/> was deleted; returns the new version.</summary>
    Task<long> Removed(string identity);

    /// <summary>What changed after <paramref name="version"/> (0: everything).</summary>
    Task<GalleryChanges> ChangesSince(long version);

    /// <summary>The enrolled identities, ordinal order.</summary>
    Task<IReadOnlyList<string>> List();
}
