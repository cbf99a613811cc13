using System.Net;
using Confluent.Kafka;
using StreamAnalytics.IntegrationTests.Processes;

namespace StreamAnalytics.IntegrationTests.Cli;

[Trait("Category", "Integration")]
public sealed class FramesCommandTests : IDisposable
{
    private static readonly string[] ImageContentTypes = ["image/x-portable-graymap", "image/png", "image/jpeg"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sa-frames-");

    public FramesCommandTests()
    {
        // The bytes are not decoded by sa frames: any content is sent as is, named by its extension.
        File.WriteAllBytes(Path.Combine(_folder.FullName, "a.pgm"), [1, 1, 1]);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "s2"));
        File.WriteAllBytes(Path.Combine(_folder.FullName, "s2", "b.png"), [2, 2]);
        File.WriteAllBytes(Path.Combine(_folder.FullName, "c.jpg"), [3]);
        File.WriteAllText(Path.Combine(_folder.FullName, "notes.txt"), "not an image");
    }

    [Fact]
    public async Task Frames_go_to_kafka_keyed_by_camera_one_pass_over_the_folder_per_camera()
    {
        await using var broker = HostProcess.StartDotnet("sa.dll", ["broker", "--topic", "frames:2"]);
        var bootstrap = await broker.FirstLine.WaitAsync(TimeSpan.FromSeconds(60));

        var result = await SaCommand.RunAsync(TimeSpan.FromSeconds(60), "frames", _folder.FullName, "--bootstrap", bootstrap, "--cameras", "2", "--fps", "0");

        Assert.True(result.ExitCode == 0, result.Error);
        var records = Consume(bootstrap, expected: 6);
        Assert.Equal(["camera-1", "camera-1", "camera-1", "camera-2", "camera-2", "camera-2"], records.Select(r => r.Key).Order());
        foreach (var camera in new[] { "camera-1", "camera-2" })
        {
            Assert.Equal(["1,1,1", "2,2", "3"], records.Where(r => r.Key == camera).Select(r => string.Join(",", r.Value)).Order());
        }
    }

    [Fact]
    public async Task Frames_are_posted_to_each_cameras_endpoint_with_their_content_type()
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<(string Path, string? ContentType, string? Key)>();
        var serving = Task.Run(async () =>
        {
            while (received.Count < 4)
            {
                var context = await listener.GetContextAsync();
                received.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType, context.Request.Headers["X-Api-Key"]));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var result = await SaCommand.RunAsync(
            TimeSpan.FromSeconds(60), "frames", _folder.FullName, "--url", $"http://127.0.0.1:{port}", "--cameras", "2", "--frames", "4", "--fps", "0", "--api-key", "k1");
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Equal(2, received.Count(r => r.Path == "/api/cameras/camera-1/frames"));
        Assert.Equal(2, received.Count(r => r.Path == "/api/cameras/camera-2/frames"));
        Assert.All(received, r => Assert.Contains(r.ContentType, ImageContentTypes));
        Assert.All(received, r => Assert.Equal("k1", r.Key));
        Assert.Contains("200: 4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_images_is_refused_with_exit_code_2()
    {
        var empty = Directory.CreateTempSubdirectory("sa-frames-empty-");
        try
        {
            var result = await SaCommand.RunAsync(TimeSpan.FromSeconds(30), "frames", empty.FullName, "--url", "http://127.0.0.1:9");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("holds no image", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Kafka_and_http_together_are_refused_with_exit_code_2()
    {
        var result = await SaCommand.RunAsync(TimeSpan.FromSeconds(30), "frames", _folder.FullName, "--url", "http://127.0.0.1:9", "--bootstrap", "127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exactly one of --bootstrap", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static List<(string Key, byte[] Value)> Consume(string bootstrap, int expected)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"frames-test-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign([new TopicPartitionOffset("frames", 0, Offset.Beginning), new TopicPartitionOffset("frames", 1, Offset.Beginning)]);
        var records = new List<(string Key, byte[] Value)>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } message })
            {
                records.Add((message.Key, message.Value));
            }
        }

        return records;
    }
}
