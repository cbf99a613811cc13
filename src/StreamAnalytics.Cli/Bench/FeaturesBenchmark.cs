using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains;
using StreamAnalytics.Grains.Features;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Embedded;
using StreamAnalytics.Streaming.Kafka.Hosting;
using StreamAnalytics.Synthetic;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// End to end into the real feature grains: synthetic interactions in Kafka → provider → <c>UserGrain</c> and
/// <c>ProductGrain</c> (features stored, in-memory storage), beside a plain consumer loop doing the same aggregation
/// (contract parser, <see cref="UserFeatures"/> and <see cref="ProductFeatures"/> in dictionaries) on the same records.
/// Then event→feature latency at half the measured rate. Both sides first process <c>warmup</c> events (another seed
/// of the same users and products), uncounted, so the measured events reach a running silo whose entities are
/// active and whose code is compiled, as in a long-running deployment; <c>--warmup 0</c> measures a cold silo.
/// Both throughput clocks start when the warm-up is done.
/// </summary>
internal static class FeaturesBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<FeaturesResult> RunAsync(int events, int warmup, int pollBatchSize, int cacheSize, TextWriter log, CancellationToken cancellation)
    {
        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(TopicNames.Interactions, 8);
        broker.CreateTopic(TopicNames.InteractionsDeadLetter, 1);
        var parser = new InteractionEventParser();
        var feed = new SyntheticInteractionFeed(new SyntheticFeedOptions(Users: 5_000, Products: 1_000), DateTimeOffset.UtcNow);
        var warmupFeed = new SyntheticInteractionFeed(new SyntheticFeedOptions(Users: 5_000, Products: 1_000, Seed: 2), DateTimeOffset.UtcNow);
        await log.WriteLineAsync($"producing {warmup:N0} warm-up and {events:N0} measured synthetic interactions (5,000 users, 1,000 products) ...");
        BenchProducer.ProduceInteractions(broker.BootstrapServers, warmupFeed.Records().Take(warmup).Concat(feed.Records().Take(events)).Select(r => (r.Key, r.Json)));

        await log.WriteLineAsync("baseline: consumer loop aggregating into dictionaries ...");
        var baseline = RunBaseline(broker.BootstrapServers, warmup, events, parser);
        await log.WriteLineAsync($"baseline: {baseline:N0} events/s");

        // Every event is applied twice: once to its user, once to its product.
        using var applied = new AppliedListener(clockStartsAt: 2L * warmup);
        await log.WriteLineAsync("provider: Kafka → user and product grains ...");
        using var host = await StartSiloAsync(broker.BootstrapServers, pollBatchSize, cacheSize, cancellation);
        var rate = await MeasureThroughputAsync(applied, warmup, events, log, cancellation);
        await log.WriteLineAsync($"provider: {rate:N0} events/s");

        var latencyRate = Math.Round(rate / 2);
        await log.WriteLineAsync($"latency at {latencyRate:N0} events/s for 10 s ...");
        var lags = await MeasureLatencyAsync(broker.BootstrapServers, feed, parser, applied, latencyRate, cancellation);
        await host.StopAsync(CancellationToken.None);
        lags.Sort();
        return new FeaturesResult(events, Math.Round(rate), Math.Round(baseline), Math.Round(rate / baseline, 3), latencyRate,
            Math.Round(Percentiles.Of(lags, 0.50) * 1000, 1), Math.Round(Percentiles.Of(lags, 0.99) * 1000, 1), Environment.ProcessorCount);
    }

    private static double RunBaseline(string bootstrap, int warmup, int events, InteractionEventParser parser)
    {
        var users = new Dictionary<string, UserFeatures>();
        var products = new Dictionary<string, ProductFeatures>();
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "baseline", FetchQueueBackoffMs = 0 }).Build();
        consumer.Assign(Enumerable.Range(0, 8).Select(p => new TopicPartitionOffset(TopicNames.Interactions, p, Offset.Beginning)));
        var clock = new Stopwatch();
        var seen = 0;
        var total = warmup + events;
        var deadline = Stopwatch.StartNew();
        while (seen < total && deadline.Elapsed < Timeout)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { } result)
            {
                continue;
            }

            if (seen++ == warmup)
            {
                clock.Start();
            }

            if (parser.Parse(result.Message.Value).Event is { } interaction)
            {
                (users.TryGetValue(interaction.UserId, out var user) ? user : users[interaction.UserId] = new UserFeatures()).Apply(interaction);
                (products.TryGetValue(interaction.ProductId, out var product) ? product : products[interaction.ProductId] = new ProductFeatures()).Apply(interaction);
            }
        }

        consumer.Close();
        return seen < total ? throw new InvalidOperationException($"The baseline read {seen:N0} of {total:N0} events.") : (events - 1) / clock.Elapsed.TotalSeconds;
    }

    private static Task<IHost> StartSiloAsync(string bootstrap, int pollBatchSize, int cacheSize, CancellationToken cancellation) =>
        BenchSilo.StartAsync(
            silo =>
            {
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddKafkaStreams(StreamNames.KafkaProvider, kafka =>
                {
                    kafka.BootstrapServers = bootstrap;
                    kafka.ConsumerGroup = "bench-features";
                    kafka.EmptyPollDelay = TimeSpan.FromMilliseconds(5);
                    kafka.PollBatchSize = pollBatchSize;
                    kafka.CacheSize = cacheSize;
                    kafka.Topics[TopicNames.Interactions] = new KafkaTopicOptions { Partitions = 8, DeadLetterTopic = TopicNames.InteractionsDeadLetter };
                });
            },
            services =>
            {
                services.AddFeatureGrains();
                services.AddKeyedSingleton<IKafkaRecordMapper>(StreamNames.KafkaProvider, (_, _) => new InteractionRecordMapper(new InteractionEventParser()));
            },
            cancellation);

    private static async Task<double> MeasureThroughputAsync(AppliedListener applied, int warmup, int events, TextWriter log, CancellationToken cancellation)
    {
        var total = 2L * (warmup + events);
        var deadline = Stopwatch.StartNew();
        var lastReport = 0L;
        while (applied.Total < total && deadline.Elapsed < Timeout)
        {
            await Task.Delay(20, cancellation);
            if (applied.Total - lastReport >= total / 10)
            {
                lastReport = applied.Total;
                await log.WriteLineAsync($"  {lastReport / 2:N0} / {warmup + events:N0} (the first {warmup:N0} warm up)");
            }
        }

        return applied.Total < total
            ? throw new InvalidOperationException($"Only {applied.Total / 2:N0} of {warmup + events:N0} events reached the features within {Timeout}.")
            : events / applied.SecondsSinceClockStarted;
    }

    private static async Task<List<double>> MeasureLatencyAsync(string bootstrap, SyntheticInteractionFeed feed, InteractionEventParser parser, AppliedListener applied, double rate, CancellationToken cancellation)
    {
        applied.StartRecordingLags();
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 1 }).Build();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        foreach (var record in feed.Records())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10) || cancellation.IsCancellationRequested)
            {
                break;
            }

            // Stamp the event when it is produced, so event-time lag is the end-to-end latency.
            var interaction = parser.Parse(record.Json).Event! with { Timestamp = DateTimeOffset.UtcNow };
            producer.Produce(TopicNames.Interactions, new Message<string, byte[]> { Key = record.Key, Value = InteractionEventSerializer.SerializeToUtf8Bytes(interaction) });
            if (TimeSpan.FromSeconds(++sent / rate) - clock.Elapsed is { Ticks: > 0 } ahead)
            {
                await Task.Delay(ahead, cancellation);
            }
        }

        producer.Flush(TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        return applied.TakeLags();
    }
}
