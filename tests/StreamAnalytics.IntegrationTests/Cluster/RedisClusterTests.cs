using StreamAnalytics.IntegrationTests.Processes;
using System.Text.Json;
using Confluent.Kafka;
using StackExchange.Redis;
using StreamAnalytics.IntegrationTests.EndToEnd;
using StreamAnalytics.Synthetic;
using Xunit.Abstractions;

namespace StreamAnalytics.IntegrationTests.Cluster;

/// <summary>
/// Silo processes clustered through a real Redis server, reading a standalone <c>sa broker</c>, with grain state in
/// Redis: everything on loopback, every process started and cleaned up by the test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisClusterTests(ITestOutputHelper output)
{
    private const int Partitions = 8;
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FeaturesTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Two_silos_join_through_Redis_and_the_survivor_of_a_killed_silo_pulls_every_partition_with_exact_features()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var broker = await StandaloneBroker.StartAsync();
        var clusterId = $"redis-test-{Guid.NewGuid():N}";
        await using var survivor = SiloProcess.Start(broker.BootstrapServers, redis.Configuration, clusterId);
        await using var victim = SiloProcess.Start(broker.BootstrapServers, redis.Configuration, clusterId);
        var records = Feed(clusterId, 5_000);

        await WaitForActiveSilosAsync(survivor, 2, victim);
        await WaitForActiveSilosAsync(victim, 2, survivor);
        await Eventually.WaitAsync($"the {Partitions} partitions to be spread over both silos", JoinTimeout, async () =>
        {
            var mine = PulledPartitions(await survivor.HealthAsync());
            var theirs = PulledPartitions(await victim.HealthAsync());
            var all = mine.Concat(theirs).Order().ToList();
            return (mine.Count > 0 && theirs.Count > 0 && all.SequenceEqual(Enumerable.Range(0, Partitions)), $"[{string.Join(",", mine)}] and [{string.Join(",", theirs)}]");
        });

        var oracle = new FeatureOracle();
        Produce(broker, records.Take(3_000), oracle);
        await WaitForFeaturesAsync("the features of the first 3,000 events on the two-silo cluster", survivor, oracle);

        await victim.KillAsync();
        var takeover = await Eventually.WaitAsync($"the survivor to see 1 active silo and pull all {Partitions} partitions after the other was killed", JoinTimeout, async () =>
        {
            var health = await survivor.HealthAsync();
            var active = health.GetProperty("cluster").GetProperty("activeSilos").GetInt32();
            var mine = PulledPartitions(health);
            return (active == 1 && mine.SequenceEqual(Enumerable.Range(0, Partitions)), $"{active} active silos, partitions [{string.Join(",", mine)}]");
        }, survivor.Tail);
        output.WriteLine($"Survivor pulled every partition {takeover.TotalSeconds:F1} s after the kill.");

        Produce(broker, records.Skip(3_000), oracle);
        await WaitForFeaturesAsync("the features of all 5,000 events on the survivor", survivor, oracle);
    }

    [Fact]
    public async Task Features_are_read_back_from_Redis_by_a_fresh_silo_after_every_silo_stopped()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var broker = await StandaloneBroker.StartAsync();
        var clusterId = $"redis-test-{Guid.NewGuid():N}";
        var oracle = new FeatureOracle();
        await using (var first = SiloProcess.Start(broker.BootstrapServers, redis.Configuration, clusterId))
        {
            await WaitForActiveSilosAsync(first, 1);
            Produce(broker, Feed(clusterId, 3_000), oracle);
            await WaitForFeaturesAsync("the features of 3,000 events before the restart", first, oracle);
            await first.StopAsync();
        }

        // State for every user and product, written with Orleans' binary serializer (JSON would start with '{').
        var stateKeys = redis.Keys("stream-analytics/state/*");
        Assert.True(stateKeys.Count >= oracle.Users.Count + oracle.Products.Count,
            $"{stateKeys.Count} grain state keys in Redis for {oracle.Users.Count} users and {oracle.Products.Count} products.");
        var user = oracle.Users.Keys.First();
        // {ServiceId}/state/{grain id type}/{grain id key}/{grain type}; the stream pub-sub keeps keys naming the user too.
        var userKey = stateKeys.FirstOrDefault(k => k.ToString().StartsWith($"stream-analytics/state/user/{user}/", StringComparison.Ordinal));
        Assert.True(userKey != default(RedisKey), $"No state key names user {user}; keys: {string.Join(", ", stateKeys.Take(5))}");
        byte[] data = (await redis.Connection.GetDatabase().HashGetAsync(userKey, "data"))!;
        Assert.NotEmpty(data);
        Assert.NotEqual((byte)'{', data[0]);
        output.WriteLine($"{stateKeys.Count} state keys; {userKey}: {data.Length} bytes");

        // The fresh silo cannot rebuild anything from Kafka: a consumer group of its own that starts at the log's end.
        await using var fresh = SiloProcess.Start(broker.BootstrapServers, redis.Configuration, clusterId,
            "--Kafka:ConsumerGroup=fresh-after-restart", "--Kafka:StartPosition=Latest");
        await WaitForActiveSilosAsync(fresh, 1);
        await WaitForFeaturesAsync("the fresh silo to answer the features stored in Redis", fresh, oracle);
    }

    private static List<SyntheticRecord> Feed(string prefix, int events) =>
        new SyntheticInteractionFeed(new SyntheticFeedOptions(Users: 300, Products: 100, IdPrefix: $"{prefix[^8..]}-"), DateTimeOffset.UtcNow)
            .Records().Take(events).ToList();

    // Keyed by user id, as every producer of the interactions topic is: the embedded broker keeps ~5 MB per partition.
    private static void Produce(StandaloneBroker broker, IEnumerable<SyntheticRecord> records, FeatureOracle oracle)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, LingerMs = 5 }).Build();
        foreach (var record in records)
        {
            producer.Produce("interactions", new Message<string, byte[]> { Key = record.Key, Value = record.Json });
            oracle.Add(record.Json);
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    private static List<int> PulledPartitions(JsonElement health) =>
        health.GetProperty("queues").EnumerateArray()
            .Where(q => q.GetProperty("topic").GetString() == "interactions")
            .Select(q => q.GetProperty("partition").GetInt32()).Order().ToList();

    private static Task<TimeSpan> WaitForActiveSilosAsync(SiloProcess silo, int expected, SiloProcess? other = null) =>
        Eventually.WaitAsync($"silo :{silo.SiloPort} to report {expected} active silos in /health", JoinTimeout, async () =>
        {
            var cluster = (await silo.HealthAsync()).GetProperty("cluster");
            Assert.Equal("Redis", cluster.GetProperty("clustering").GetString());
            Assert.Contains($":{silo.SiloPort}:", cluster.GetProperty("siloAddress").GetString());
            return (cluster.GetProperty("activeSilos").GetInt32() == expected, cluster.ToString());
        }, () => silo.Tail() + Environment.NewLine + other?.Tail());

    private async Task WaitForFeaturesAsync(string what, SiloProcess silo, FeatureOracle oracle)
    {
        var took = await Eventually.WaitAsync(what, FeaturesTimeout, async () =>
        {
            var mismatches = await HttpFeatureCheck.MismatchesAsync(silo.Http, oracle);
            return (mismatches.Length == 0, mismatches);
        }, silo.Tail);
        output.WriteLine($"{what}: {oracle.Users.Count} users and {oracle.Products.Count} products matched after {took.TotalSeconds:F1} s.");
    }
}
