namespace StreamAnalytics.Grains.Faces;

/// <summary>The identity directory's stored state (see <see cref="IdentityDirectoryGrain"/>).</summary>
[GenerateSerializer]
public sealed class IdentityDirectoryState
{
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
}

/// <summary>One remembered deletion.</summary>
[GenerateSerializer, Immutable]
public sealed record RemovedIdentity([property: Id(0)] string Identity, [property: Id(1)] long Version);
