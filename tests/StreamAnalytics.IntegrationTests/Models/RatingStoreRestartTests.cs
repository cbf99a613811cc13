using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.Hosting;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.IntegrationTests.Ratings;
using StreamAnalytics.Silo.Training.Store;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.IntegrationTests.Models;

/// <summary>A worker-and-trainer silo on a broker the test owns (so it outlives the silo), with its rating store in
/// <paramref name="storeDirectory"/>, saved every 200 ms.</summary>
public sealed class RatingStoreSiloFactory(string bootstrapServers, string storeDirectory) : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Kafka:BootstrapServers", bootstrapServers);
        builder.UseSetting("Orleans:Role", "worker,trainer");
        builder.UseSetting("Training:StoreDirectory", storeDirectory);
        builder.UseSetting("Training:StoreSaveInterval", "00:00:00.200");
    }
}

[Trait("Category", "Integration")]
public sealed class RatingStoreRestartTests : IDisposable
{
    private readonly EmbeddedKafkaBroker _broker = EmbeddedKafkaBroker.Start();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sa-rating-store-{Guid.NewGuid():N}");

    public RatingStoreRestartTests()
    {
        _broker.CreateTopic("interactions", 8);
        _broker.CreateTopic("interactions.dlq", 1);
        _broker.CreateTopic("frames", 4);
    }

    [Fact]
    public async Task The_store_fills_from_interactions_survives_a_restart_from_its_file_and_counts_nothing_twice()
    {
        var first = RatingEvents.Synthetic(300, prefix: "a-");
        // A view carries no rating (no example, but it moves the features) and a malformed record is skipped.
        RatingEvents.Produce(_broker.BootstrapServers,
        [
            .. first.Select(Record),
            Record(first[0] with { EventId = "a-view", Type = InteractionType.View, Rating = null }),
            ("bad", Encoding.UTF8.GetBytes("{ not json")),
        ]);

        await using (var silo = new RatingStoreSiloFactory(_broker.BootstrapServers, _directory))
        {
            var stats = await WaitForStoreAsync(silo.CreateClient(), d => d.GetProperty("held").GetInt32() == 300 && d.GetProperty("lag").ValueKind == JsonValueKind.Number && d.GetProperty("lag").GetInt64() == 0);
            Assert.Equal(300, stats.GetProperty("ingested").GetInt64());
            Assert.Equal(first.Min(e => e.Timestamp), stats.GetProperty("oldestEventTime").GetDateTimeOffset());
            Assert.Equal(first.Max(e => e.Timestamp), stats.GetProperty("newestEventTime").GetDateTimeOffset());
        }

        Assert.True(File.Exists(Path.Combine(_directory, RatingStoreFile.FileName)));
        Assert.Equal(302, CommittedRecords("stream-analytics-trainer"));

        var second = RatingEvents.Synthetic(100, seed: 12, prefix: "b-");
        await using (var silo = new RatingStoreSiloFactory(_broker.BootstrapServers, _directory))
        {
            var client = silo.CreateClient();
            // Reloaded before anything new is read: the 300 come from the file, not from re-reading the topic.
            await WaitForStoreAsync(client, d => d.GetProperty("held").GetInt32() == 300);
            RatingEvents.Produce(_broker.BootstrapServers, second.Select(Record));
            var stats = await WaitForStoreAsync(client, d => d.GetProperty("held").GetInt32() >= 400 && d.GetProperty("lag").ValueKind == JsonValueKind.Number && d.GetProperty("lag").GetInt64() == 0);
            Assert.Equal(400, stats.GetProperty("held").GetInt32());
            Assert.Equal(400, stats.GetProperty("ingested").GetInt64());
        }

        Assert.Equal(402, CommittedRecords("stream-analytics-trainer"));
    }

    public void Dispose()
    {
        _broker.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static (string, byte[]) Record(InteractionEvent interaction) => (interaction.UserId, InteractionEventSerializer.SerializeToUtf8Bytes(interaction));

    private static async Task<JsonElement> WaitForStoreAsync(HttpClient client, Func<JsonElement, bool> ready) =>
        (await ApiPolling.WaitForAsync(client, "/api/models/rating/training",
            run => run.GetProperty("data") is { ValueKind: JsonValueKind.Object } data && ready(data))).GetProperty("data");

    // The offsets the store's consumer group committed, summed over the partitions: records read and saved.
    private long CommittedRecords(string group)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = _broker.BootstrapServers, GroupId = group }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, 8).Select(p => new TopicPartition("interactions", p)), TimeSpan.FromSeconds(10));
        return committed.Where(c => c.Offset.Value >= 0).Sum(c => c.Offset.Value);
    }
}
