using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;

namespace StreamAnalytics.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class FeatureApiTests(SiloHostFactory factory) : IClassFixture<SiloHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Interactions_written_to_kafka_show_up_in_the_user_and_product_features()
    {
        var health = await HealthDocument.GetAsync(_client);
        var bootstrap = health.GetProperty("broker").GetProperty("bootstrapServers").GetString()!;
        var user = $"api-u-{Guid.NewGuid():N}";
        var product = $"api-p-{Guid.NewGuid():N}";
        string[] events =
        [
            Event("e1", user, product, "view", "2026-01-01T10:00:00Z"),
            Event("e2", user, product, "add_to_cart", "2026-01-01T10:01:00Z"),
            Event("e3", user, product, "purchase", "2026-01-01T10:02:00Z", """ "price": 12.5, "quantity": 2, "category": "Books" """),
            Event("e4", user, product, "rating", "2026-01-01T10:03:00Z", """ "rating": 4 """),
            Event("e5", user, product, "teleport", "2026-01-01T10:04:00Z"),
        ];
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            foreach (var value in events)
            {
                await producer.ProduceAsync("interactions", new Message<string, string> { Key = user, Value = value });
            }
        }

        var features = await WaitForAsync($"/api/users/{user}", f => f.GetProperty("eventsApplied").GetInt64() == 4);
        Assert.Equal(25m, features.GetProperty("spend").GetDecimal());
        Assert.Equal(1, features.GetProperty("ratingCount").GetInt64());
        Assert.Equal(4.0, features.GetProperty("ratingMean").GetDouble());
        Assert.Equal(1, features.GetProperty("distinctProducts").GetInt64());

        var productFeatures = await WaitForAsync($"/api/products/{product}", f => f.GetProperty("eventsApplied").GetInt64() == 4);
        Assert.Equal(25m, productFeatures.GetProperty("revenue").GetDecimal());
        Assert.Equal(1.0, productFeatures.GetProperty("conversionRate").GetDouble());
        Assert.Equal(1, productFeatures.GetProperty("uniqueUsers").GetInt64());
    }

    [Fact]
    public async Task An_unknown_user_or_product_is_a_404_problem()
    {
        var user = await _client.GetAsync($"/api/users/nobody-{Guid.NewGuid():N}");
        var product = await _client.GetAsync($"/api/products/nothing-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
        Assert.Equal("application/problem+json", user.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, product.StatusCode);
    }

    private static string Event(string id, string user, string product, string type, string timestamp, string extra = "") =>
        $$"""{"eventId":"{{id}}-{{user}}","userId":"{{user}}","productId":"{{product}}","type":"{{type}}","timestamp":"{{timestamp}}"{{(extra.Length > 0 ? "," + extra : "")}}}""";

    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> ready)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await _client.GetAsync(path);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (ready(body) || clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    return body;
                }
            }
            else if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"{path} answered {(int)response.StatusCode} for a minute");
            }

            await Task.Delay(200);
        }
    }
}
