namespace StreamAnalytics.Silo.Health;

/// <summary>This silo's view of its Orleans cluster, in <c>GET /health</c>.</summary>
/// <param name="Clustering">The membership provider: <c>Localhost</c> or <c>Redis</c> (<c>Orleans:Clustering</c>).</param>
/// <param name="SiloAddress">This silo's address as other silos reach it (<c>S{ip}:{port}:{generation}</c>).</param>
/// <param name="ActiveSilos">How many silos the membership table lists as active, this one included.</param>
/// <param name="Silos">The active silos' addresses, ordered.</param>
/// <param name="Roles">This silo's roles (<c>Orleans:Role</c>): <c>worker</c> and/or <c>trainer</c>.</param>
/// <param name="TrainerSilos">Active silos with the trainer role. 0: the cluster serves, but cannot retrain models.</param>
public sealed record ClusterStatus(string Clustering, string SiloAddress, int ActiveSilos, IReadOnlyList<string> Silos, IReadOnlyList<string> Roles, int TrainerSilos);
