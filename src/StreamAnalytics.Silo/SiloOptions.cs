namespace StreamAnalytics.Silo;

/// <summary>
/// How this silo joins its cluster, bound from the <c>Orleans</c> section.
/// <code>
/// "Orleans": { "ClusterId": "stream-analytics", "ServiceId": "stream-analytics", "SiloPort": 11111, "GatewayPort": 30000, "PrimarySiloPort": 11111 }
/// </code>
/// </summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orleans";

    /// <summary>The cluster id; silos with the same id form one cluster. Defaults to <c>stream-analytics</c>.</summary>
    public string ClusterId { get; set; } = "stream-analytics";

    /// <summary>The service id; stable across deployments. Defaults to <c>stream-analytics</c>.</summary>
    public string ServiceId { get; set; } = "stream-analytics";

    /// <summary>The silo-to-silo port. Defaults to 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The client gateway port. Defaults to 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The silo port of the primary silo of a localhost cluster. Defaults to 11111 (this silo is the primary).</summary>
    public int PrimarySiloPort { get; set; } = 11111;
}
