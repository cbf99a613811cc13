using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

[Collection(EmbeddedBrokerGroup.Name)]
[Trait("Category", "Integration")]
public sealed class KafkaStreamDeliveryTests(EmbeddedBrokerFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Records_from_an_external_producer_reach_every_subscriber_exactly_once()
    {
        var topic = fixture.CreateTopic("external", 8);
        var traffic = new ProbeTraffic(topic, 20_000);
        await using var running = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 8);
        var cluster = running.Cluster;
        await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, traffic.Records);
        var tally = await traffic.WaitForAllAsync(cluster.GrainFactory, DrainTimeout);

        Assert.Equal("", tally.WrongKeys);
        Assert.Equal(20_000, tally.UserApplied);
        Assert.Equal(20_000, tally.ProductApplied);
        Assert.Equal(0, tally.Duplicates);

        // Both silos pull, every partition is pulled by exactly one silo, and nothing is left unread.
        var owned = cluster.Silos.Select(s => Monitor(s).OwnedPartitions).ToList();
        Assert.All(owned, partitions => Assert.NotEmpty(partitions));
        Assert.Equal(Enumerable.Range(0, 8), owned.SelectMany(p => p).Select(p => p.Partition).Order());
        Assert.Equal(20_000, owned.SelectMany(p => p).Sum(p => p.Position));
        Assert.All(owned.SelectMany(p => p), p => Assert.Equal(0, p.Lag));
    }

    [Fact]
    public async Task Json_lines_written_by_kcat_reach_the_subscriber_grains()
    {
        var topic = fixture.CreateTopic("kcat", 8);
        var traffic = new ProbeTraffic(topic, 2_000, users: 50, products: 80);
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, traffic.Values);
        await using var running = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 8);
        var cluster = running.Cluster;
        try
        {
            using (var kcat = StartKcat(["-P", "-b", fixture.Broker.BootstrapServers, "-t", topic, "-l", file]))
            {
                await kcat.WaitForExitAsync();
                Assert.True(kcat.ExitCode == 0, $"kcat failed: {await kcat.StandardError.ReadToEndAsync()}");
            }

            var tally = await traffic.WaitForAllAsync(cluster.GrainFactory, DrainTimeout);

            Assert.Equal("", tally.WrongKeys);
            Assert.Equal(2_000, tally.UserApplied);
            Assert.Equal(2_000, tally.ProductApplied);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Events_of_an_Orleans_producer_travel_through_kafka_to_the_subscriber()
    {
        var topic = fixture.CreateTopic("orleans", 4);
        await using var running = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 4);
        var cluster = running.Cluster;
        var key = $"{topic}-producer";
        var stream = cluster.Client.GetStreamProvider(ProbeCluster.ProviderName)
            .GetStream<ProbeEvent>(StreamId.Create(ProbeCluster.UserNamespace, key));
        for (var i = 0; i < 50; i++)
        {
            await stream.OnNextAsync(new ProbeEvent(key, i));
        }

        // A batch of several events in one record: each keeps its own token (offset and index).
        await stream.OnNextBatchAsync([new ProbeEvent(key, 50), new ProbeEvent(key, 51)]);

        var grain = cluster.GrainFactory.GetGrain<IProbeUserGrain>(key);
        var counts = await WaitUntilAsync(() => grain.GetCounts(), c => c.Applied >= 52);
        Assert.Equal(new ProbeCounts(52, 0), counts);
    }

    [Fact]
    public async Task Invalid_records_go_to_the_dead_letter_topic_with_their_reason_and_the_partition_goes_on()
    {
        var topic = fixture.CreateTopic("invalid", 1);
        var deadLetters = $"{topic}.dlq";
        fixture.Broker.CreateTopic(deadLetters, 1);
        var traffic = new ProbeTraffic(topic, 100, users: 5, products: 5);
        await using var running = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 1, silos: 1, deadLetterTopic: deadLetters);
        var cluster = running.Cluster;
        (string Value, string Reason)[] invalid =
        [
            ("not json", "value is not valid JSON"),
            ("[1,2]", "value is not a JSON object"),
            ("""{"userId":"only-user"}""", "field 'productId' is missing or empty"),
            ("""{"userId":"","productId":"p"}""", "field 'userId' is missing or empty"),
        ];
        await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, invalid.Select(v => ("bad", v.Value)).Concat(traffic.Records));

        var tally = await traffic.WaitForAllAsync(cluster.GrainFactory, DrainTimeout);

        Assert.Equal("", tally.WrongKeys);
        var partition = Assert.Single(Monitor(cluster.Primary!).OwnedPartitions);
        Assert.Equal(invalid.Length, partition.Rejected);
        Assert.Equal(invalid.Length + traffic.Count, partition.Position);

        var letters = ReadAll(deadLetters, invalid.Length);
        Assert.Equal(invalid.Select(v => v.Value), letters.Select(l => Encoding.UTF8.GetString(l.Message.Value)));
        for (var i = 0; i < invalid.Length; i++)
        {
            var headers = letters[i].Message.Headers;
            Assert.StartsWith(invalid[i].Reason, Encoding.UTF8.GetString(headers.GetLastBytes("reason")));
            Assert.Equal(topic, Encoding.UTF8.GetString(headers.GetLastBytes("source-topic")));
            Assert.Equal("0", Encoding.UTF8.GetString(headers.GetLastBytes("source-partition")));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(headers.GetLastBytes("source-offset")));
        }
    }

    private List<ConsumeResult<Ignore, byte[]>> ReadAll(string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig { BootstrapServers = fixture.Broker.BootstrapServers, GroupId = $"reader-{topic}" }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var results = new List<ConsumeResult<Ignore, byte[]>>();
        var clock = Stopwatch.StartNew();
        while (results.Count < expected && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    [Fact]
    public async Task Partitions_of_a_killed_silo_move_to_the_survivor_without_loss_or_double_counting()
    {
        var topic = fixture.CreateTopic("kill", 8);
        var traffic = new ProbeTraffic(topic, 20_000);
        await using var running = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 8);
        var cluster = running.Cluster;
        var producing = ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, traffic.Records, recordsPerSecond: 4_000);
        await WaitUntilAsync(() => traffic.TallyAsync(cluster.GrainFactory), t => t.UserApplied >= traffic.Count / 4);

        var victim = cluster.SecondarySilos[0];
        await cluster.KillSiloAsync(victim);
        await producing;
        var tally = await traffic.WaitForAllAsync(cluster.GrainFactory, DrainTimeout);

        output.WriteLine($"after kill: applied {tally.UserApplied}+{tally.ProductApplied}, redeliveries skipped {tally.Duplicates}");
        Assert.Equal("", tally.WrongKeys);
        Assert.Equal(20_000, tally.UserApplied);
        Assert.Equal(20_000, tally.ProductApplied);
        Assert.Equal(8, Monitor(cluster.Primary!).OwnedPartitions.Count);
    }

    [Fact]
    public async Task A_restarted_cluster_resumes_from_the_committed_offsets()
    {
        var topic = fixture.CreateTopic("restart", 8);
        var traffic = new ProbeTraffic(topic, 20_000);
        var half = traffic.Records.Count / 2;
        var group = $"group-{topic}";

        await using (var first = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 8, consumerGroup: group))
        {
            await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, traffic.Records.Take(half));
            await WaitUntilAsync(() => traffic.TallyAsync(first.Cluster.GrainFactory), t => t.UserApplied >= half && t.ProductApplied >= half);

            // Let the delivered offsets be stored and committed before stopping, so what comes again is only what the
            // shutdown itself leaves in flight.
            await WaitUntilAsync(
                () => Task.FromResult(first.Cluster.Silos.SelectMany(s => Monitor(s).OwnedPartitions).Sum(p => Math.Max(0, p.CommittableOffset))),
                committed => committed == half);
            await Task.Delay(TimeSpan.FromMilliseconds(600));
        }

        await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, traffic.Records.Skip(half));
        await using var second = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 8, consumerGroup: group);
        var tally = await traffic.WaitForAllAsync(second.Cluster.GrainFactory, DrainTimeout);

        // Every delivery of the second cluster either applied a new event or skipped a redelivered one.
        output.WriteLine($"restart: redelivered records skipped by the grains: {tally.Duplicates} (of {half} consumed before the restart)");
        Assert.Equal("", tally.WrongKeys);
        Assert.Equal(20_000, tally.UserApplied);
        Assert.Equal(20_000, tally.ProductApplied);
        // Committed offsets were honoured: the first half is not delivered again (that would be 2 x 10,000 duplicates).
        Assert.InRange(tally.Duplicates, 0, 200);
    }

    [Fact]
    public async Task Redelivered_events_are_recognised_by_their_offsets_and_not_applied_twice()
    {
        var topic = fixture.CreateTopic("replay", 4);
        var traffic = new ProbeTraffic(topic, 5_000, users: 50, products: 100);
        await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, traffic.Records);
        await using (var first = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 4, silos: 1))
        {
            await traffic.WaitForAllAsync(first.Cluster.GrainFactory, DrainTimeout);
        }

        // A new consumer group has no committed offsets: every record is delivered again to grains that kept their state.
        await using var replay = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 4, silos: 1, consumerGroup: $"replay-{topic}");
        var tally = await WaitUntilAsync(() => traffic.TallyAsync(replay.Cluster.GrainFactory), t => t.Duplicates >= 2 * traffic.Count);

        Assert.Equal("", tally.WrongKeys);
        Assert.Equal(5_000, tally.UserApplied);
        Assert.Equal(5_000, tally.ProductApplied);
        Assert.Equal(2 * 5_000, tally.Duplicates);
    }

    [Fact]
    public async Task With_start_position_latest_a_new_group_skips_what_was_written_before_it_started()
    {
        var topic = fixture.CreateTopic("latest", 1);
        var before = new ProbeTraffic(topic, 300, users: 10, products: 10, seed: 1);
        await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, before.Records);

        await using var running = await ProbeCluster.StartAsync(fixture.Broker.BootstrapServers, topic, 1, silos: 1, startPosition: KafkaStartPosition.Latest);
        await WaitUntilAsync(() => Task.FromResult(Monitor(running.Cluster.Primary!).OwnedPartitions.Count), owned => owned == 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = new ProbeTraffic(topic, 100, users: 10, products: 10, seed: 2);
        await ProbeTraffic.ProduceAsync(fixture.Broker.BootstrapServers, topic, after.Records);

        var tally = await after.WaitForAllAsync(running.Cluster.GrainFactory, DrainTimeout);
        Assert.Equal(100, tally.UserApplied);
        Assert.Equal(100, tally.ProductApplied);
        Assert.Equal(400, Assert.Single(Monitor(running.Cluster.Primary!).OwnedPartitions).Position);
    }

    private static Process StartKcat(string[] arguments)
    {
        try
        {
            return Process.Start(new ProcessStartInfo("kcat", arguments) { RedirectStandardError = true })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("kcat is not installed: apt-get install --no-install-recommends kcat (.ci/run does this).");
            throw;
        }
    }

    private static KafkaConsumerLagMonitor Monitor(SiloHandle silo) =>
        ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<KafkaConsumerLagMonitor>();

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value) || clock.Elapsed > DrainTimeout)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
