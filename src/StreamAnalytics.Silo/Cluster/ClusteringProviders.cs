namespace StreamAnalytics.Silo;

/// <summary>The values of <c>Orleans:Clustering</c>.</summary>
public static class ClusteringProviders
{
    /// <summary>One machine: every silo knows the primary silo's port. The default.</summary>
    public const string Localhost = "Localhost";

    /// <summary>The Orleans membership table in Redis.</summary>
    public const string Redis = "Redis";

    /// <summary>Every accepted value, in its canonical spelling.</summary>
    public static readonly IReadOnlyList<string> All = [Localhost, Redis];
}
