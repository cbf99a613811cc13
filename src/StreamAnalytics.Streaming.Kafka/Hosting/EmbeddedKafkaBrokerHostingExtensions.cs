using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Streaming.Kafka.Hosting;

/// <summary>Starts the embedded broker for a host whose configuration names no Kafka cluster.</summary>
public static class EmbeddedKafkaBrokerHostingExtensions
{
    /// <summary>
    /// When <c>{section}:BootstrapServers</c> is empty, starts an <see cref="EmbeddedKafkaBroker"/> of three brokers,
    /// creates every topic of <c>{section}:Topics</c> with its partition count (and its dead-letter topic, if any), and writes the broker's address into
    /// the configuration so that everything bound later talks to it. The broker is registered as a singleton and
    /// stops with the host. Returns the broker, or <see langword="null"/> when a Kafka cluster is configured.
    /// </summary>
    public static EmbeddedKafkaBroker? AddEmbeddedKafkaBrokerIfUnconfigured(
        this IHostApplicationBuilder builder, string section = KafkaStreamOptions.SectionName)
    {
        var options = builder.Configuration.GetSection(section).Get<KafkaStreamOptions>() ?? new KafkaStreamOptions();
        if (!string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            return null;
        }

        // Check the settings before creating anything from them, with the same messages the silo would give.
        options.BootstrapServers = "embedded";
        if (KafkaStreamOptionsValidator.Validate(options) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(
                $"The '{section}' settings are invalid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
        }

        var broker = EmbeddedKafkaBroker.Start();
        foreach (var (topic, topicOptions) in options.Topics)
        {
            broker.CreateTopic(topic, topicOptions.Partitions);
            if (topicOptions.DeadLetterTopic is { } deadLetters)
            {
                broker.CreateTopic(deadLetters, 1);
            }
        }

        builder.Configuration[$"{section}:BootstrapServers"] = broker.BootstrapServers;
        builder.Services.AddSingleton(broker);
        builder.Services.AddHostedService<EmbeddedKafkaBrokerAnnouncer>();
        return broker;
    }
}
