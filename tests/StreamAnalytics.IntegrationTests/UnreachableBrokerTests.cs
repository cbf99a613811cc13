using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace StreamAnalytics.IntegrationTests;

/// <summary>The host pointed at a Kafka address where nothing listens.</summary>
public sealed class UnreachableBrokerHostFactory : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kafka:BootstrapServers", $"127.0.0.1:{ClosedPort()}");
    }

    // A port that was free a moment ago: connections to it are refused.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[Trait("Category", "Integration")]
public sealed class UnreachableBrokerTests(UnreachableBrokerHostFactory factory) : IClassFixture<UnreachableBrokerHostFactory>
{
    [Fact]
    public async Task Health_is_503_unhealthy_with_the_reason_when_the_broker_does_not_answer()
    {
        var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement broker;
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync("/health");
            status = response.StatusCode;
            broker = (await HealthDocument.GetAsync(client)).GetProperty("broker");
            if (broker.GetProperty("checkedAt").ValueKind != JsonValueKind.Null)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(broker.GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(broker.GetProperty("error").GetString()));
    }
}
