namespace StreamAnalytics.Silo.Health;

/// <summary>This silo's view of its Orleans cluster, in <c>GET /health</c>.</summary>
/// <param name="Clustering">The membership provider: <c>Localhost</c> or <c>Redis</c> (<c>Orleans:Clustering</c>).</param>
/// <param name="SiloAddress">This silo's address as other silos reach it (<c>S{ip}:{port}:{generation}</c>).</param>
/// <param name="ActiveSilos">How many silos the membership table lists as active, this one included.</param>
/// <param name="Silos">The active silos' addresses, ordered.</param>
public sealed record ClusterStatus(string Clustering, string SiloAddress, int ActiveSilos, IReadOnlyList<string> Silos);
