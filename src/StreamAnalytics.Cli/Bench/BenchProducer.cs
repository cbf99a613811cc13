using Confluent.Kafka;
using StreamAnalytics.Abstractions;

namespace StreamAnalytics.Cli.Bench;

/// <summary>Writes a benchmark's prepared records into the interactions topic before anything is measured.</summary>
internal static class BenchProducer
{
    /// <summary>Produces every record (key = user id) and waits, up to a minute, until all are delivered.</summary>
    public static void ProduceInteractions(string bootstrap, IEnumerable<(string Key, byte[] Json)> records)
    {
        // Room for every record: the default queue (100,000 messages) would refuse the tail of a large run.
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5, QueueBufferingMaxMessages = 1_000_000 }).Build();
        foreach (var (key, json) in records)
        {
            producer.Produce(TopicNames.Interactions, new Message<string, byte[]> { Key = key, Value = json });
        }

        producer.Flush(TimeSpan.FromMinutes(1));
    }
}
