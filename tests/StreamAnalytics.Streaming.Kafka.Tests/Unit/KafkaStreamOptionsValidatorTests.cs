
namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class KafkaStreamOptionsValidatorTests
{
    private static KafkaStreamOptions ValidOptions() => new()
    {
        BootstrapServers = "localhost:9092",
        Topics =
        {
            ["interactions"] = new KafkaTopicOptions
            {
                Partitions = 8,
                Streams =
                [
                    new KafkaStreamRoute { Namespace = "user", KeyField = "userId" },
                    new KafkaStreamRoute { Namespace = "product", KeyField = "productId" },
                ],
            },
            ["payments"] = new KafkaTopicOptions { Partitions = 2 },
        },
        ClientProperties = { ["security.protocol"] = "SASL_SSL" },
    };

    private static string SingleError(KafkaStreamOptions options) =>
        Assert.Single(KafkaStreamOptionsValidator.Validate(options));

    [Fact]
    public void Valid_options_give_no_errors()
    {
        Assert.Empty(KafkaStreamOptionsValidator.Validate(ValidOptions()));
    }

    [Fact]
    public void Valid_options_pass_ValidateConfiguration()
    {
        var validator = new KafkaStreamOptionsValidator(ValidOptions(), "kafka");

        var ex = Record.Exception(validator.ValidateConfiguration);

        Assert.Null(ex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_bootstrap_servers_is_reported(string servers)
    {
        var options = ValidOptions();
        options.BootstrapServers = servers;

        Assert.Contains("BootstrapServers", SingleError(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_consumer_group_is_reported()
    {
        var options = ValidOptions();
        options.ConsumerGroup = "";

        Assert.Contains("ConsumerGroup", SingleError(options), StringComparison.Ordinal);
    }

    [Fact]
    public void No_topics_is_reported()
    {
        var options = ValidOptions();
        options.Topics.Clear();

        Assert.Contains("Topics", SingleError(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad topic")]
    [InlineData("bad/topic")]
    [InlineData("tópico")]
    [InlineData("")]
    public void Bad_topic_name_is_reported_with_the_name(string name)
    {
        var options = ValidOptions();
        options.Topics[name] = new KafkaTopicOptions();

        var error = SingleError(options);

        Assert.Contains($"Topic name '{name}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_name_longer_than_249_characters_is_reported()
    {
        var options = ValidOptions();
        var name = new string('t', 250);
        options.Topics[name] = new KafkaTopicOptions();

        Assert.Contains(name, SingleError(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Partitions_out_of_range_are_reported_with_the_topic(int partitions)
    {
        var options = ValidOptions();
        options.Topics["payments"].Partitions = partitions;

        var error = SingleError(options);

        Assert.Contains("Topics:payments:Partitions", error, StringComparison.Ordinal);
        Assert.Contains(partitions.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_route_namespace_is_reported_with_its_index(string ns)
    {
        var options = ValidOptions();
        options.Topics["interactions"].Streams[1].Namespace = ns;

        Assert.Contains("Topics:interactions:Streams:1:Namespace", SingleError(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void PollBatchSize_out_of_range_is_reported(int size)
    {
        var options = ValidOptions();
        options.PollBatchSize = size;

        Assert.Contains("PollBatchSize", SingleError(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_EmptyPollDelay_is_reported()
    {
        var options = ValidOptions();
        options.EmptyPollDelay = TimeSpan.FromMilliseconds(-1);

        Assert.Contains("EmptyPollDelay", SingleError(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_EmptyPollDelay_is_allowed()
    {
        var options = ValidOptions();
        options.EmptyPollDelay = TimeSpan.Zero;

        Assert.Empty(KafkaStreamOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(400_000)]
    public void CommitInterval_out_of_range_is_reported(int milliseconds)
    {
        var options = ValidOptions();
        options.CommitInterval = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Contains("CommitInterval", SingleError(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("group.id")]
    [InlineData("enable.auto.commit")]
    [InlineData("bootstrap.servers")]
    [InlineData("auto.offset.reset")]
    public void Managed_client_property_is_reported_with_its_name(string property)
    {
        var options = ValidOptions();
        options.ClientProperties[property] = "x";

        Assert.Contains($"ClientProperties:{property}", SingleError(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new KafkaStreamOptions
        {
            BootstrapServers = "",
            PollBatchSize = 0,
            EmptyPollDelay = TimeSpan.FromSeconds(-1),
            ClientProperties = { ["group.id"] = "mine" },
        };

        var errors = KafkaStreamOptionsValidator.Validate(options);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("BootstrapServers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Topics", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("PollBatchSize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("EmptyPollDelay", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("ClientProperties:group.id", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateConfiguration_throws_naming_the_provider_and_every_problem()
    {
        var options = ValidOptions();
        options.BootstrapServers = "";
        options.PollBatchSize = 0;
        options.ClientProperties["enable.auto.commit"] = "true";
        var expected = KafkaStreamOptionsValidator.Validate(options);
        var validator = new KafkaStreamOptionsValidator(options, "my-kafka");

        var ex = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains("'my-kafka'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, expected.Count);
        Assert.All(expected, error => Assert.Contains(error, ex.Message, StringComparison.Ordinal));
    }
}
