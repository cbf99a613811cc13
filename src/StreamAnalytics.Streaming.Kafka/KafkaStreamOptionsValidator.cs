using System.Text.RegularExpressions;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Stops silo and client start-up with a message naming every invalid <see cref="KafkaStreamOptions"/> setting.
/// </summary>
public sealed partial class KafkaStreamOptionsValidator(KafkaStreamOptions options, string providerName) : IConfigurationValidator
{
    /// <summary>librdkafka properties the provider sets itself; setting them through ClientProperties would break its guarantees.</summary>
    public static readonly IReadOnlySet<string> ManagedClientProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "bootstrap.servers", "group.id", "enable.auto.commit", "enable.auto.offset.store", "auto.offset.reset",
        "auto.commit.interval.ms", "enable.partition.eof",
    };

    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"Kafka stream provider '{providerName}' is misconfigured:{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", errors));
        }
    }

    /// <summary>Every problem with <paramref name="options"/>, as sentences naming the setting; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(KafkaStreamOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            errors.Add("BootstrapServers is empty: set Kafka:BootstrapServers to 'host:port[,host:port]' (the host starts an embedded broker when it is not configured).");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            errors.Add("ConsumerGroup is empty: offsets need a consumer group to be committed under.");
        }

        if (options.Topics.Count == 0)
        {
            errors.Add("Topics is empty: configure at least one topic, e.g. Kafka:Topics:interactions:Partitions = 8.");
        }

        foreach (var (name, topic) in options.Topics)
        {
            if (!TopicNamePattern().IsMatch(name))
            {
                errors.Add($"Topic name '{name}' is invalid: use 1-249 characters from a-z, A-Z, 0-9, '.', '_' and '-'.");
            }

            if (topic.Partitions is < 1 or > 10_000)
            {
                errors.Add($"Topics:{name}:Partitions is {topic.Partitions}: it must be between 1 and 10000.");
            }

            for (var i = 0; i < topic.Streams.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(topic.Streams[i].Namespace))
                {
                    errors.Add($"Topics:{name}:Streams:{i}:Namespace is empty: every route needs a stream namespace.");
                }
            }
        }

        if (options.PollBatchSize is < 1 or > 100_000)
        {
            errors.Add($"PollBatchSize is {options.PollBatchSize}: it must be between 1 and 100000.");
        }

        if (options.CacheSize is < 64 or > 1_000_000)
        {
            errors.Add($"CacheSize is {options.CacheSize}: it must be between 64 and 1000000.");
        }

        if (options.EmptyPollDelay < TimeSpan.Zero || options.EmptyPollDelay > TimeSpan.FromSeconds(10))
        {
            errors.Add($"EmptyPollDelay is {options.EmptyPollDelay}: it must be between 0 and 10 seconds.");
        }

        if (options.CommitInterval < TimeSpan.FromMilliseconds(10) || options.CommitInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"CommitInterval is {options.CommitInterval}: it must be between 10 ms and 5 minutes.");
        }

        foreach (var key in options.ClientProperties.Keys.Where(ManagedClientProperties.Contains))
        {
            errors.Add($"ClientProperties:{key} cannot be set: the provider manages it (use the matching KafkaStreamOptions setting).");
        }

        return errors;
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex TopicNamePattern();
}
