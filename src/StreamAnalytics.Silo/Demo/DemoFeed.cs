using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Synthetic;

namespace StreamAnalytics.Silo.Demo;

/// <summary>
/// Writes the synthetic shopping feed into the <c>interactions</c> topic at a steady rate, so a new user sees
/// features change at once (<c>GET /api/users/u0</c>, <c>GET /api/products/p0</c>).
/// </summary>
internal sealed partial class DemoFeed(IOptions<DemoFeedOptions> demo, IOptionsMonitor<KafkaStreamOptions> kafka, ILogger<DemoFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = demo.Value;
        var kafkaOptions = kafka.Get(StreamNames.KafkaProvider);
        // The provider's client properties (SASL, SSL) apply to the demo's producer too.
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig(new Dictionary<string, string>(kafkaOptions.ClientProperties))
        {
            BootstrapServers = kafkaOptions.BootstrapServers,
            LingerMs = 5,
        }).Build();
        var feed = new SyntheticInteractionFeed(new SyntheticFeedOptions(Users: options.Users, Products: options.Products, Seed: options.Seed), DateTimeOffset.UtcNow);
        LogStarted(options.Rate);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        foreach (var record in feed.Records())
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            producer.Produce(TopicNames.Interactions, new Message<string, byte[]> { Key = record.Key, Value = record.Json });
            sent++;
            var ahead = TimeSpan.FromSeconds(sent / options.Rate) - clock.Elapsed;
            if (ahead > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(ahead, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        producer.Flush(TimeSpan.FromSeconds(5));
        LogStopped(sent);
    }

    [LoggerMessage(1, LogLevel.Information, "Demo feed writing {Rate} synthetic interactions per second; try GET /api/users/u0 and GET /api/products/p0.")]
    private partial void LogStarted(double rate);

    [LoggerMessage(2, LogLevel.Information, "Demo feed stopped after {Count} interactions.")]
    private partial void LogStopped(long count);
}
