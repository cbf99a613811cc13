using Microsoft.AspNetCore.Hosting;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.IntegrationTests;

/// <summary>The host started with <c>Kafka:BootstrapServers</c> set: it must start nothing embedded and use that cluster.</summary>
public sealed class ExternalBrokerHostFactory : SiloHostFactory
{
    public EmbeddedKafkaBroker Broker { get; } = StartBroker();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kafka:BootstrapServers", Broker.BootstrapServers);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Broker.Dispose();
    }

    // Stands in for a Kafka cluster the host did not start (in CI, Apache Kafka is not available).
    private static EmbeddedKafkaBroker StartBroker()
    {
        var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic("interactions", 8);
        return broker;
    }
}

[Trait("Category", "Integration")]
public sealed class ExternalBrokerTests(ExternalBrokerHostFactory factory) : IClassFixture<ExternalBrokerHostFactory>
{
    [Fact]
    public async Task A_configured_bootstrap_address_is_used_and_nothing_embedded_starts()
    {
        var client = factory.CreateClient();
        var health = await HealthDocument.GetAsync(client);

        Assert.Equal(factory.Broker.BootstrapServers, health.GetProperty("broker").GetProperty("bootstrapServers").GetString());
        Assert.False(health.GetProperty("broker").GetProperty("embedded").GetBoolean());
    }
}
