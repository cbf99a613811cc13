using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Cli.Frames;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa frames</c>: feeds a folder of images as one or many cameras, over Kafka or HTTP.</summary>
internal static class FramesCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "A folder of images (.pgm, .png, .jpg, .jpeg, .bmp, .gif; sub-folders included)." };
        var kafka = new KafkaConnectionOptions();
        kafka.Bootstrap.Required = false;
        kafka.Bootstrap.Description = "Write frames to Kafka topic `frames` (key = camera id) at these bootstrap servers.";
        var url = new Option<string?>("--url") { Description = "Post frames to a silo's API instead (e.g. http://127.0.0.1:5080)." };
        var apiKey = new Option<string?>("--api-key") { Description = "The X-Api-Key header for --url, when the silo has API keys." };
        var topic = new Option<string>("--topic") { Description = "Kafka topic for --bootstrap.", DefaultValueFactory = _ => TopicNames.Frames };
        var cameras = new Option<int>("--cameras") { Description = "Cameras to act as (ids <prefix>1..N).", DefaultValueFactory = _ => 1 };
        var prefix = new Option<string>("--camera-prefix") { Description = "Camera id prefix.", DefaultValueFactory = _ => "camera-" };
        var fps = new Option<double>("--fps") { Description = "Frames per second per camera; 0 is as fast as possible.", DefaultValueFactory = _ => 5 };
        var frames = new Option<long>("--frames") { Description = "Frames to send in all; 0 runs until Ctrl+C. Default: one pass over the folder per camera." };
        var command = new Command("frames", "Feed a folder of images as one or many cameras at a frame rate, to Kafka topic `frames` or to the silo's HTTP API.")
        {
            folder, kafka.Bootstrap, kafka.ClientProperties, url, apiKey, topic, cameras, prefix, fps, frames,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var directory = parse.GetValue(folder)!;
            Uri? target = null;
            if (parse.GetValue(url) is { } address && (!Uri.TryCreate(address, UriKind.Absolute, out target) || target.Scheme is not ("http" or "https")))
            {
                await Console.Error.WriteLineAsync($"--url '{address}' is not an http(s) address.");
                return 2;
            }

            var cameraCount = parse.GetValue(cameras);
            var rate = parse.GetValue(fps);
            if (!directory.Exists)
            {
                await Console.Error.WriteLineAsync($"{directory.FullName} does not exist.");
                return 2;
            }

            if ((parse.GetValue(kafka.Bootstrap) is null) == (target is null))
            {
                await Console.Error.WriteLineAsync("Give exactly one of --bootstrap (Kafka) and --url (HTTP).");
                return 2;
            }

            if (cameraCount is < 1 or > 10_000 || rate < 0 || parse.GetValue(frames) < 0)
            {
                await Console.Error.WriteLineAsync("--cameras must be within [1, 10000]; --fps and --frames not negative.");
                return 2;
            }

            var images = FrameFolder.List(directory);
            if (images.Count == 0)
            {
                await Console.Error.WriteLineAsync($"{directory.FullName} holds no image ({string.Join(", ", FrameFolder.Extensions.Keys)}).");
                return 2;
            }

            if (images.FirstOrDefault(f => f.Length > CameraFrame.MaxBytes) is { } tooLarge)
            {
                await Console.Error.WriteLineAsync($"{tooLarge.FullName} is larger than {CameraFrame.MaxBytes:N0} bytes, the largest frame accepted.");
                return 2;
            }

            var ids = Enumerable.Range(1, cameraCount).Select(i => parse.GetValue(prefix) + i.ToString(CultureInfo.InvariantCulture)).ToList();
            var total = parse.GetResult(frames) is null ? (long)images.Count * cameraCount : parse.GetValue(frames);
            if (target is not null)
            {
                return await ToHttpAsync(target, parse.GetValue(apiKey), ids, images, total, rate, cancellation);
            }

            if (kafka.ToProducerConfig(parse, out var invalid) is not { } config)
            {
                await Console.Error.WriteLineAsync(invalid);
                return 2;
            }

            return await ToKafkaAsync(config, parse.GetValue(topic)!, ids, images, total, rate, cancellation);
        });
        return command;
    }

    private static async Task<int> ToKafkaAsync(
        ProducerConfig config, string topic, List<string> cameras, IReadOnlyList<FileInfo> images, long total, double fps, CancellationToken cancellation)
    {
        var bytes = images.Select(f => File.ReadAllBytes(f.FullName)).ToArray();
        var records = FrameSchedule.Create(cameras.Count, bytes.Length, total).Select(p => (cameras[p.Camera], bytes[p.Image]));
        var summary = await PacedProducer.ProduceAsync(records, config, topic, fps * cameras.Count, total, "frames", cancellation);
        Console.WriteLine($"wrote {summary.Sent:N0} frames of {cameras.Count:N0} cameras ({images.Count:N0} images) to {topic} in {summary.Elapsed.TotalSeconds:N1} s");
        if (summary.Failed > 0)
        {
            await Console.Error.WriteLineAsync($"{summary.Failed:N0} frames were not delivered: {summary.FirstError}");
            return 1;
        }

        return 0;
    }

    private static async Task<int> ToHttpAsync(
        Uri target, string? apiKey, List<string> cameras, IReadOnlyList<FileInfo> images, long total, double fps, CancellationToken cancellation)
    {
        var summary = await HttpFrameSender.SendAsync(target, apiKey, cameras, images, total, fps, cancellation);
        var statuses = string.Join(", ", summary.ByStatus.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value:N0}"));
        var sorted = summary.LatenciesMs.Order().ToList();
        var p50 = sorted.Count == 0 ? 0 : sorted[(int)(0.5 * (sorted.Count - 1))];
        var p99 = sorted.Count == 0 ? 0 : sorted[(int)(0.99 * (sorted.Count - 1))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"posted {summary.Sent:N0} frames of {cameras.Count:N0} cameras in {summary.Elapsed.TotalSeconds:N1} s ({statuses}); latency p50 {p50:F1} ms, p99 {p99:F1} ms"));
        return summary.ByStatus.Keys.All(s => s is >= 200 and < 300) ? 0 : 1;
    }
}
