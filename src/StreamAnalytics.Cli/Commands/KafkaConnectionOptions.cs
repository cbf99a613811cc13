using System.CommandLine;
using Confluent.Kafka;

namespace StreamAnalytics.Cli.Commands;

/// <summary>
/// The options of every command that writes to Kafka: where the brokers are, and librdkafka properties passed through
/// unchanged (SASL, SSL), as the silo's <c>Kafka:ClientProperties</c> are.
/// </summary>
internal sealed class KafkaConnectionOptions
{
    public Option<string> Bootstrap { get; } = new("--bootstrap")
    {
        Description = "Kafka bootstrap servers (e.g. the address `sa broker` or the silo printed).",
        Required = true,
    };

    public Option<string[]> ClientProperties { get; } = new("--client-property")
    {
        Description = "A librdkafka property as name=value, repeatable: e.g. security.protocol=SASL_SSL, sasl.mechanism=PLAIN.",
        DefaultValueFactory = _ => [],
    };

    /// <summary>A producer configuration from the parsed options, or null with <paramref name="error"/> saying which property is malformed.</summary>
    public ProducerConfig? ToProducerConfig(ParseResult parse, out string? error)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in parse.GetValue(ClientProperties) ?? [])
        {
            var separator = property.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                error = $"--client-property '{property}' is not name=value.";
                return null;
            }

            properties[property[..separator].Trim()] = property[(separator + 1)..];
        }

        var config = new ProducerConfig(properties) { BootstrapServers = parse.GetValue(Bootstrap) };
        try
        {
            // librdkafka checks every property when a client is created: fail here with its message, not mid-run.
            using var probe = new ProducerBuilder<Null, Null>(config).Build();
        }
        catch (Exception ex) when (ex is ArgumentException or KafkaException or InvalidOperationException)
        {
            error = $"The Kafka client refused its configuration: {ex.Message}";
            return null;
        }

        error = null;
        return config;
    }
}
