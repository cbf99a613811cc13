using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Silo.Health;

/// <summary>Maps <c>GET /health</c>: liveness plus what an operator needs to find the broker, the partitions and the cluster.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapStreamAnalyticsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (
            IOptionsMonitor<KafkaStreamOptions> kafka, KafkaConsumerLagMonitor lag, IOptions<SiloOptions> silo,
            ILocalSiloDetails local, IClusterMembershipService membership, IServiceProvider services) =>
        {
            var options = kafka.Get(StreamNames.KafkaProvider);
            var embedded = services.GetService<EmbeddedKafkaBroker>() is not null;
            var topics = options.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TopicStatus(t.Key, t.Value.Partitions)).ToList();
            var queues = lag.OwnedPartitions
                .Select(p => new QueueStatus(p.Topic, p.Partition, p.Position, p.HighWatermark, p.CommittableOffset, p.Lag, p.Rejected))
                .ToList();
            // The membership snapshot is this silo's current view: a killed silo stays active until it is declared dead.
            var active = membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Active)
                .Select(m => m.SiloAddress.ToString())
                .Order(StringComparer.Ordinal)
                .ToList();
            var cluster = new ClusterStatus(silo.Value.Clustering, local.SiloAddress.ToString(), active.Count, active);
            // Unhealthy (503, so load balancers and compose health checks act on it): no broker address, or this silo
            // is not an active member of its cluster (still joining, shutting down, or declared dead by the others).
            var healthy = !string.IsNullOrWhiteSpace(options.BootstrapServers) && active.Contains(cluster.SiloAddress);
            return Results.Json(
                new HealthReport(healthy ? "healthy" : "unhealthy", new BrokerStatus(options.BootstrapServers, embedded), topics, queues, cluster),
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
