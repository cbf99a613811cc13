using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class EmbeddedKafkaBrokerHostingTests
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public void Without_a_bootstrap_address_a_broker_starts_with_the_configured_topics_and_its_address_is_configured()
    {
        var builder = Builder(new() { ["Kafka:Topics:events:Partitions"] = "3", ["Kafka:Topics:events:DeadLetterTopic"] = "events.dlq" });

        using var broker = builder.AddEmbeddedKafkaBrokerIfUnconfigured();

        Assert.NotNull(broker);
        Assert.Equal(broker.BootstrapServers, builder.Configuration["Kafka:BootstrapServers"]);
        Assert.Equal(3, broker.Topics["events"]);
        Assert.Equal(1, broker.Topics["events.dlq"]);
    }

    [Fact]
    public void With_a_bootstrap_address_nothing_starts()
    {
        var builder = Builder(new() { ["Kafka:BootstrapServers"] = "kafka:9092", ["Kafka:Topics:events:Partitions"] = "3" });

        Assert.Null(builder.AddEmbeddedKafkaBrokerIfUnconfigured());
        Assert.Equal("kafka:9092", builder.Configuration["Kafka:BootstrapServers"]);
    }

    [Fact]
    public void Invalid_settings_stop_start_up_with_every_problem_named_before_a_broker_starts()
    {
        var builder = Builder(new() { ["Kafka:Topics:events:Partitions"] = "0", ["Kafka:PollBatchSize"] = "0" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddEmbeddedKafkaBrokerIfUnconfigured());

        Assert.Contains("Topics:events:Partitions is 0", error.Message);
        Assert.Contains("PollBatchSize is 0", error.Message);
        Assert.Null(builder.Configuration["Kafka:BootstrapServers"]);
    }
}
