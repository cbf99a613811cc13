using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Streaming.Kafka.Hosting;

/// <summary>Logs where the embedded broker listens, so other processes (the <c>sa</c> CLI, <c>kcat</c>) can reach it.</summary>
internal sealed partial class EmbeddedKafkaBrokerAnnouncer(EmbeddedKafkaBroker broker, ILogger<EmbeddedKafkaBrokerAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogListening(broker.BootstrapServers, string.Join(", ", broker.Topics.Select(t => $"{t.Key}({t.Value})")));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Embedded Kafka broker listening on {BootstrapServers} with topics {Topics}")]
    private partial void LogListening(string bootstrapServers, string topics);
}
