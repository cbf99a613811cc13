using System.Diagnostics;
using Confluent.Kafka;

namespace StreamAnalytics.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class BrokerCommandTests
{
    [Fact]
    public async Task Sa_broker_prints_an_address_where_kafka_clients_produce_and_consume()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sa.dll"), "broker", "--topic", "roundtrip:2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var broker = Process.Start(start)!;
        try
        {
            var address = await broker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Matches(@"^127\.0\.0\.1:\d+(,127\.0\.0\.1:\d+){2}$", address);

            using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = address }).Build())
            {
                for (var i = 0; i < 10; i++)
                {
                    await producer.ProduceAsync("roundtrip", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" });
                }
            }

            using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = address, GroupId = "roundtrip" }).Build();
            consumer.Assign([new TopicPartitionOffset("roundtrip", 0, Offset.Beginning), new TopicPartitionOffset("roundtrip", 1, Offset.Beginning)]);
            var values = new List<string>();
            var clock = Stopwatch.StartNew();
            while (values.Count < 10 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
                {
                    values.Add(result.Message.Value);
                }
            }

            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"v{i}").Order(), values.Order());
        }
        finally
        {
            broker.Kill(entireProcessTree: true);
            await broker.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Sa_broker_rejects_a_malformed_topic_with_a_clear_message()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "sa.dll"), "broker", "--topic", "no-partitions"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var broker = Process.Start(start)!;
        var error = await broker.StandardError.ReadToEndAsync();
        await broker.WaitForExitAsync();

        Assert.Equal(2, broker.ExitCode);
        Assert.Contains("'no-partitions' is not name:partitions", error);
    }
}
