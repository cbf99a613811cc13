using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace StreamAnalytics.IntegrationTests.EndToEnd;

/// <summary>Reads a dead-letter topic back: each record's value and its <c>reason</c> header.</summary>
public static class DeadLetters
{
    /// <summary>Reads until at least <paramref name="expected"/> letters arrived and a second passed with nothing new (30 s at most).</summary>
    public static List<(string Value, string Reason)> Read(string bootstrapServers, string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = $"reader-{topic}" }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var letters = new List<(string, string)>();
        var clock = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && (letters.Count < expected || quiet.Elapsed < TimeSpan.FromSeconds(1)))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } result)
            {
                letters.Add((Encoding.UTF8.GetString(result.Message.Value), Encoding.UTF8.GetString(result.Message.Headers.GetLastBytes("reason"))));
                quiet.Restart();
            }
        }

        return letters;
    }
}
