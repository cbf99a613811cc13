using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Embedded;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Ingest throughput of the Kafka stream provider against a plain Confluent consumer loop, same records, same run.
/// Both sides parse each record with the same <see cref="KeyFieldRecordMapper"/>, so the ratio isolates what the
/// provider and Orleans add: batching into containers, the cache, stream delivery and grain turns.
/// Both clocks start at the first record counted, so start-up (silo, connections) is not measured.
/// </summary>
internal static class IngestBenchmark
{
    public const string ProviderName = "kafka";
    public const string StreamNamespace = "bench";
    private const string Topic = "bench";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<IngestResult> RunAsync(IngestBenchmarkSettings settings, TextWriter log, CancellationToken cancellation)
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(Topic, settings.Partitions);
        var options = Options(broker.BootstrapServers, settings.Partitions, settings.PollBatchSize);

        await log.WriteLineAsync($"producing {settings.Records:N0} records over {settings.Keys:N0} keys into {settings.Partitions} partitions ...");
        Produce(broker.BootstrapServers, settings);

        await log.WriteLineAsync("baseline: plain Confluent consumer loop ...");
        var baseline = RunBaseline(options, settings.Records, cancellation);
        await log.WriteLineAsync($"baseline: {baseline:N0} records/s");

        await log.WriteLineAsync("provider: Kafka stream provider into counting grains ...");
        var provider = await RunProviderAsync(options, settings.Records, log, cancellation);
        await log.WriteLineAsync($"provider: {provider:N0} records/s");

        return new IngestResult(settings.Records, settings.Partitions, settings.Keys, settings.PollBatchSize, Math.Round(provider), Math.Round(baseline),
            Math.Round(provider / baseline, 3), Environment.ProcessorCount);
    }

    private static KafkaStreamOptions Options(string bootstrapServers, int partitions, int pollBatchSize)
    {
        var options = new KafkaStreamOptions
        {
            BootstrapServers = bootstrapServers,
            ConsumerGroup = $"bench-{Guid.NewGuid():N}",
            EmptyPollDelay = TimeSpan.FromMilliseconds(10),
            PollBatchSize = pollBatchSize,
        };
        options.Topics[Topic] = new KafkaTopicOptions
        {
            Partitions = partitions,
            Streams = [new KafkaStreamRoute { Namespace = StreamNamespace, KeyField = "userId" }],
        };
        return options;
    }

    private static void Produce(string bootstrapServers, IngestBenchmarkSettings settings)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, LingerMs = 5 }).Build();
        var random = new Random(42);
        var failures = 0;
        string? firstError = null;
        for (var i = 0; i < settings.Records; i++)
        {
            // Keyed by user like real interactions: hash partitioning spreads records evenly, where null keys would
            // stick whole batches to one partition and overflow the embedded broker's per-partition retention.
            var user = $"u{random.Next(settings.Keys)}";
            var value = $$"""{"eventId":"e{{i}}","userId":"{{user}}","productId":"p{{random.Next(5_000)}}","type":"view"}""";
            producer.Produce(Topic, new Message<string, byte[]> { Key = user, Value = Encoding.UTF8.GetBytes(value) }, report =>
            {
                if (report.Error.IsError && Interlocked.Increment(ref failures) == 1)
                {
                    firstError = report.Error.ToString();
                }
            });
        }

        producer.Flush(TimeSpan.FromMinutes(1));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures:N0} benchmark records were not delivered to the broker: {firstError}");
        }
    }

    private static double RunBaseline(KafkaStreamOptions options, int records, CancellationToken cancellation)
    {
        var mapper = new KeyFieldRecordMapper(options);
        var counts = new Dictionary<StreamId, long>();
        var events = new List<KafkaStreamEvent>(1);
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.ConsumerGroup + "-baseline",
            EnableAutoCommit = false,
            FetchQueueBackoffMs = 0,
        };
        using var consumer = new ConsumerBuilder<string?, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, options.Topics[Topic].Partitions)
            .Select(p => new TopicPartitionOffset(Topic, new Partition(p), Offset.Beginning)));
        var clock = new Stopwatch();
        var seen = 0;
        var deadline = Stopwatch.StartNew();
        while (seen < records && deadline.Elapsed < Timeout)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null)
            {
                continue;
            }

            if (seen == 0)
            {
                clock.Start();
            }

            events.Clear();
            mapper.Map(new KafkaRecord(result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key, result.Message.Value, result.Message.Timestamp.UtcDateTime), events);
            foreach (var item in events)
            {
                counts[item.StreamId] = counts.GetValueOrDefault(item.StreamId) + 1;
            }

            seen++;
        }

        consumer.Close();
        return Rate(seen, records, clock.Elapsed.TotalSeconds, "baseline");
    }

    private static async Task<double> RunProviderAsync(KafkaStreamOptions options, int records, TextWriter log, CancellationToken cancellation)
    {
        IngestProgress.Reset();
        using var host = await BenchSilo.StartAsync(
            silo => silo.AddKafkaStreams(ProviderName, kafka =>
            {
                kafka.BootstrapServers = options.BootstrapServers;
                kafka.ConsumerGroup = options.ConsumerGroup;
                kafka.EmptyPollDelay = options.EmptyPollDelay;
                kafka.PollBatchSize = options.PollBatchSize;
                kafka.Topics = options.Topics;
            }),
            configureServices: null,
            cancellation);
        var deadline = Stopwatch.StartNew();
        var lastReport = 0L;
        while (IngestProgress.Total < records && deadline.Elapsed < Timeout)
        {
            await Task.Delay(20, cancellation);
            if (IngestProgress.Total - lastReport >= records / 10)
            {
                lastReport = IngestProgress.Total;
                await log.WriteLineAsync($"  {lastReport:N0} / {records:N0}");
            }
        }

        var seconds = IngestProgress.SecondsSinceFirst;
        var total = IngestProgress.Total;
        await host.StopAsync(CancellationToken.None);
        return Rate(total, records, seconds, "provider");
    }

    private static double Rate(long seen, int expected, double seconds, string side) =>
        seen < expected
            ? throw new InvalidOperationException($"The {side} counted {seen:N0} of {expected:N0} records within {Timeout}.")
            : seen / seconds;
}
