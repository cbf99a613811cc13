namespace StreamAnalytics.Silo.Cluster;

/// <summary>This silo's roles (<c>Orleans:Role</c>), as published in its silo metadata.</summary>
/// <param name="Roles">The roles, ordinal order.</param>
public sealed record LocalSiloRoles(IReadOnlySet<string> Roles);
