using StreamAnalytics.Abstractions.Faces;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// The identity directory's stored state and its rules (see <see cref="IdentityDirectoryGrain"/>): enrolled identities
/// with the version of their latest change, and the last <see cref="RemovalsKept"/> deletions.
/// </summary>
[GenerateSerializer]
public sealed class IdentityDirectoryState
{
    /// <summary>Deletions remembered by name: 1,024. A deleted person's name is not kept for ever; a silo further
    /// behind than that starts over.</summary>
    public const int RemovalsKept = 1024;

    /// <summary>Advanced by every change.</summary>
    [Id(0)]
    public long Version { get; set; }

    /// <summary>Each enrolled identity and the version of its latest change.</summary>
    [Id(1)]
    public Dictionary<string, long> Identities { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Recent deletions, oldest first, with the version of each.</summary>
    [Id(2)]
    public List<RemovedIdentity> Removals { get; set; } = [];

    /// <summary>Deletions at or before this version were forgotten: a silo that last looked before it starts over.</summary>
    [Id(3)]
    public long ForgottenThrough { get; set; }

    /// <summary>Records an enrolment or new face; false (and no change) when the identity is new and
    /// <paramref name="maxIdentities"/> are already enrolled.</summary>
    public bool TryChange(string identity, int maxIdentities)
    {
        if (!Identities.ContainsKey(identity) && Identities.Count >= maxIdentities)
        {
            return false;
        }

        Version++;
        Identities[identity] = Version;
        return true;
    }

    /// <summary>Records a deletion; false (and no change) when the identity was not enrolled.</summary>
    public bool Remove(string identity)
    {
        if (!Identities.Remove(identity))
        {
            return false;
        }

        Version++;
        Removals.Add(new RemovedIdentity(identity, Version));
        if (Removals.Count > RemovalsKept)
        {
            ForgottenThrough = Removals[0].Version;
            Removals.RemoveAt(0);
        }

        return true;
    }

    /// <summary>What changed after <paramref name="version"/>; everything (a reset) for 0, a version whose deletions
    /// were forgotten, or a version from the future (the directory's state was lost and started again).</summary>
    public GalleryChanges Since(long version)
    {
        if (version <= 0 || version < ForgottenThrough || version > Version)
        {
            return new GalleryChanges(Version, Reset: true, [.. Identities.Keys.Order(StringComparer.Ordinal)], []);
        }

        var changed = Identities.Where(e => e.Value > version).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var removed = Removals.Where(r => r.Version > version && !Identities.ContainsKey(r.Identity)).Select(r => r.Identity).Distinct().ToList();
        return new GalleryChanges(Version, Reset: false, changed, removed);
    }
}

/// <summary>One remembered deletion.</summary>
[GenerateSerializer, Immutable]
public sealed record RemovedIdentity([property: Id(0)] string Identity, [property: Id(1)] long Version);
