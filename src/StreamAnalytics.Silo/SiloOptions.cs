namespace StreamAnalytics.Silo;

/// <summary>
/// How this silo joins its cluster and where it keeps grain state, bound from the <c>Orleans</c> section.
/// <code>
/// "Orleans": {
///   "ClusterId": "stream-analytics", "ServiceId": "stream-analytics", "SiloPort": 11111, "GatewayPort": 30000,
///   "PrimarySiloPort": 11111, "Clustering": "Localhost", "GrainStorage": "Memory", "Redis": "127.0.0.1:6379",
///   "AdvertisedIPAddress": "10.0.0.5", "Role": "worker"
/// }
/// </code>
/// </summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orleans";

    /// <summary>
    /// What this silo does: <c>worker</c> (serve), <c>trainer</c> (retrain models; the trainer grains live only on such
    /// silos) or <c>worker,trainer</c>. Empty (the default) means <c>worker</c>, except on the embedded defaults (no Kafka
    /// configured), where the one process carries both roles.
    /// </summary>
    public string? Role { get; set; }

    /// <summary>The cluster id; silos with the same id form one cluster. Defaults to <c>stream-analytics</c>.</summary>
    public string ClusterId { get; set; } = "stream-analytics";

    /// <summary>The service id; stable across deployments, and the prefix of every grain state key in Redis. Defaults to <c>stream-analytics</c>.</summary>
    public string ServiceId { get; set; } = "stream-analytics";

    /// <summary>The silo-to-silo port. Defaults to 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The client gateway port. Defaults to 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The silo port of the primary silo of a localhost cluster; used only with <c>Localhost</c> clustering.
    /// Defaults to 11111 (this silo is the primary).
    /// </summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>
    /// How silos find each other: <c>Localhost</c> (one machine, a primary silo on <see cref="PrimarySiloPort"/>) or
    /// <c>Redis</c> (the membership table lives in <see cref="Redis"/>, so silos on any host join one cluster).
    /// Case-insensitive. Defaults to <c>Localhost</c>.
    /// </summary>
    public string Clustering { get; set; } = ClusteringProviders.Localhost;

    /// <summary>
    /// Where grain state is kept, for the default storage and for <c>PubSubStore</c>: <c>Memory</c> (lost with the
    /// silo) or <c>Redis</c> (in <see cref="Redis"/>, so features survive restarts). Case-insensitive. Defaults to <c>Memory</c>.
    /// </summary>
    public string GrainStorage { get; set; } = GrainStorageProviders.Memory;

    /// <summary>
    /// The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis:6379,password=...</c>.
    /// Required when <see cref="Clustering"/> or <see cref="GrainStorage"/> is <c>Redis</c>. No default.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The address other silos and clients reach this silo at: an IP address, or a host name resolved once at start
    /// (its first IPv4 address). When set to anything but loopback, the silo listens on all interfaces, as it must in
    /// a container. Defaults to loopback (127.0.0.1) with either clustering, which only suits silos on one machine:
    /// set it (for instance to the container's own address) when silos run on different hosts.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }
}
