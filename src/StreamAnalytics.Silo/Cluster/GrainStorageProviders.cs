namespace StreamAnalytics.Silo;

/// <summary>The values of <c>Orleans:GrainStorage</c>.</summary>
public static class GrainStorageProviders
{
    /// <summary>In the silo's memory; lost when the silo stops. The default.</summary>
    public const string Memory = "Memory";

    /// <summary>In Redis, as Orleans' binary serialization of the state.</summary>
    public const string Redis = "Redis";

    /// <summary>Every accepted value, in its canonical spelling.</summary>
    public static readonly IReadOnlyList<string> All = [Memory, Redis];
}
