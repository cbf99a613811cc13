using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace StreamAnalytics.IntegrationTests.Faces;

[Trait("Category", "Integration")]
public sealed class CameraKafkaTests(FaceSiloFactory factory) : IClassFixture<FaceSiloFactory>
{
    [Fact]
    public async Task Frames_from_kafka_are_identified_published_and_counted_and_a_bad_one_is_dead_lettered_with_its_reason()
    {
        var client = await factory.ReadyClientAsync();
        var bootstrap = (await HealthDocument.GetAsync(client)).GetProperty("broker").GetProperty("bootstrapServers").GetString()!;
        var camera = $"kafka-cam-{Guid.NewGuid():N}";
        var images = TrainedFaceModel.Images(3);
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            foreach (var image in images)
            {
                await producer.ProduceAsync("frames", new Message<string, byte[]> { Key = camera, Value = await File.ReadAllBytesAsync(image) });
            }

            await producer.ProduceAsync("frames", new Message<string, byte[]> { Key = camera, Value = "not an image"u8.ToArray() });
        }

        var identifications = Consume(bootstrap, "identifications", camera, images.Count);
        Assert.All(identifications, record =>
        {
            var json = JsonDocument.Parse(record.Message.Value).RootElement;
            Assert.Equal(camera, json.GetProperty("cameraId").GetString());
            Assert.Equal("test-face-1", json.GetProperty("modelVersion").GetString());
            Assert.True(json.GetProperty("candidates").GetArrayLength() > 0 || json.GetProperty("unknown").GetBoolean());
        });
        var deadLetter = Assert.Single(Consume(bootstrap, "frames.dlq", camera, 1));
        Assert.Equal("not an image"u8.ToArray(), deadLetter.Message.Value);
        Assert.Contains("not a PGM, PNG, JPEG", Encoding.UTF8.GetString(deadLetter.Message.Headers.GetLastBytes("reason")), StringComparison.Ordinal);
        var stats = (await client.GetFromJsonAsync<JsonElement>($"/api/cameras/{camera}")).GetProperty("stats");
        Assert.Equal(images.Count + 1, stats.GetProperty("frames").GetInt64());
        Assert.Equal(1, stats.GetProperty("rejected").GetInt64());
        Assert.Equal(images.Count, stats.GetProperty("identified").GetInt64() + stats.GetProperty("unknown").GetInt64());
    }

    private static List<ConsumeResult<string, byte[]>> Consume(string bootstrap, string topic, string key, int count)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"camera-test-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        var found = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (found.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false, Message.Key: var k } record && k == key)
            {
                found.Add(record);
            }
        }

        Assert.True(found.Count >= count, $"{found.Count} of {count} records keyed {key} on {topic} within 60 s");
        return found;
    }
}
