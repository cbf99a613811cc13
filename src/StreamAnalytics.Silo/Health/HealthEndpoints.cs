using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Silo.Health;

/// <summary>Maps <c>GET /health</c>: liveness plus what an operator needs to find the broker and the partitions.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapStreamAnalyticsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (IOptionsMonitor<KafkaStreamOptions> kafka, KafkaConsumerLagMonitor lag, IServiceProvider services) =>
        {
            var options = kafka.Get(StreamNames.KafkaProvider);
            var embedded = services.GetService<EmbeddedKafkaBroker>() is not null;
            var topics = options.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TopicStatus(t.Key, t.Value.Partitions)).ToList();
            var queues = lag.OwnedPartitions
                .Select(p => new QueueStatus(p.Topic, p.Partition, p.Position, p.HighWatermark, p.CommittableOffset, p.Lag, p.Rejected))
                .ToList();
            var status = string.IsNullOrWhiteSpace(options.BootstrapServers) ? "unhealthy" : "healthy";
            return Results.Json(new HealthReport(status, new BrokerStatus(options.BootstrapServers, embedded), topics, queues));
        });
        return endpoints;
    }
}
