using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;

namespace StreamAnalytics.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class SiloHostTests : IClassFixture<SiloHostFactory>
{
    private readonly HttpClient _client;

    public SiloHostTests(SiloHostFactory factory) => _client = factory.CreateClient();

    [Fact]
    public async Task Health_reports_the_embedded_broker_its_topics_and_the_partitions_this_silo_pulls()
    {
        var health = await WaitForHealthAsync(h => h.GetProperty("queues").GetArrayLength() == 12);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("broker").GetProperty("embedded").GetBoolean());
        Assert.True(health.GetProperty("broker").GetProperty("reachable").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, health.GetProperty("broker").GetProperty("checkedAt").ValueKind);
        Assert.Matches(@"^127\.0\.0\.1:\d+(,127\.0\.0\.1:\d+){2}$", health.GetProperty("broker").GetProperty("bootstrapServers").GetString());
        var topics = health.GetProperty("topics").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("partitions").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["interactions"] = 8, ["frames"] = 4 }, topics);
        foreach (var (name, partitions) in topics)
        {
            Assert.Equal(Enumerable.Range(0, partitions), health.GetProperty("queues").EnumerateArray()
                .Where(q => q.GetProperty("topic").GetString() == name).Select(q => q.GetProperty("partition").GetInt32()).Order());
        }
    }

    [Fact]
    public async Task Records_produced_to_the_advertised_broker_are_read_by_the_host()
    {
        var before = await WaitForHealthAsync(h => h.GetProperty("queues").GetArrayLength() == 12);
        var bootstrap = before.GetProperty("broker").GetProperty("bootstrapServers").GetString()!;
        var readBefore = ReadPositions(before);

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            for (var i = 0; i < 200; i++)
            {
                var user = $"health-u{i % 17}";
                await producer.ProduceAsync("interactions", new Message<string, string>
                {
                    Key = user,
                    Value = $$"""{"eventId":"h{{i}}","userId":"{{user}}","productId":"health-p{{i}}","type":"view"}""",
                });
            }
        }

        var after = await WaitForHealthAsync(h => ReadPositions(h) >= readBefore + 200 && TotalLag(h) == 0);
        Assert.Equal(readBefore + 200, ReadPositions(after));
        Assert.Equal(0, TotalLag(after));
    }

    private static long ReadPositions(JsonElement health) =>
        health.GetProperty("queues").EnumerateArray().Sum(q => Math.Max(0, q.GetProperty("position").GetInt64()));

    private static long TotalLag(JsonElement health) =>
        health.GetProperty("queues").EnumerateArray().Sum(q => q.GetProperty("lag").GetInt64());

    private async Task<JsonElement> WaitForHealthAsync(Func<JsonElement, bool> ready)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var health = await HealthDocument.GetAsync(_client);
            if (ready(health) || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return health;
            }

            await Task.Delay(200);
        }
    }
}
