using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using Orleans.Runtime.MembershipService.SiloMetadata;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Silo.Cluster;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Silo.Health;

/// <summary>Maps <c>GET /health</c>: liveness plus what an operator needs to find the broker, the partitions and the cluster.</summary>
public static class HealthEndpoints
{
    /// <summary>Adds what the health endpoint reads: the <see cref="BrokerProbe"/>, running in the background.</summary>
    public static WebApplicationBuilder AddStreamAnalyticsHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BrokerProbe>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BrokerProbe>());
        return builder;
    }

    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapStreamAnalyticsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (
            IOptionsMonitor<KafkaStreamOptions> kafka, KafkaConsumerLagMonitor lag, IOptions<SiloOptions> silo,
            ILocalSiloDetails local, IClusterMembershipService membership, BrokerProbe probe, ModelHost<RatingModel> rating, ModelHost<FaceModel> face, LocalSiloRoles roles, ISiloMetadataCache metadata, IServiceProvider services) =>
        {
            var options = kafka.Get(StreamNames.KafkaProvider);
            var embedded = services.GetService<EmbeddedKafkaBroker>() is not null;
            var topics = options.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TopicStatus(t.Key, t.Value.Partitions)).ToList();
            var queues = lag.OwnedPartitions
                .Select(p => new QueueStatus(p.Topic, p.Partition, p.Position, p.HighWatermark, p.CommittableOffset, p.Lag, p.Rejected))
                .ToList();
            // The membership snapshot is this silo's current view: a killed silo stays active until it is declared dead.
            var activeSilos = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
            var active = activeSilos.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToList();
            var trainers = activeSilos.Count(a => SiloRoles.IsTrainer(metadata.GetSiloMetadata(a).Metadata.GetValueOrDefault(SiloRoles.MetadataKey)));
            var cluster = new ClusterStatus(silo.Value.Clustering, local.SiloAddress.ToString(), active.Count, active, [.. roles.Roles], trainers);
            var answer = probe.Last;
            var broker = new BrokerStatus(options.BootstrapServers, embedded, answer?.Reachable == true, answer?.CheckedAt, answer?.Error);
            // Unhealthy (503, so load balancers and compose health checks act on it): the broker did not answer, or this
            // silo is not an active member of its cluster (still joining, shutting down, or declared dead by the others).
            var healthy = broker.Reachable && active.Contains(cluster.SiloAddress);
            return Results.Json(
                new HealthReport(healthy ? "healthy" : "unhealthy", broker, topics, queues, cluster, [new ModelStatus(rating.Name, rating.HasModel, rating.ActiveVersion), new ModelStatus(face.Name, face.HasModel, face.ActiveVersion)]),
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
