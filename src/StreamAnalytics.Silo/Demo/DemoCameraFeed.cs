using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Silo.Models;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Silo.Demo;

/// <summary>
/// The demo's cameras: once a face model serves, enrols the first <see cref="FaceModelOptions.BootstrapIdentities"/>
/// identities of the face dataset from their first <see cref="EnrolImages"/> images each (what an operator would do
/// through <c>POST /api/identities/{identity}/faces</c>), then replays every image of the dataset (enrolled people's
/// other images, and strangers) to the <c>frames</c> topic as <see cref="DemoFeedOptions.Cameras"/> cameras, forever.
/// Nothing happens without a face dataset.
/// </summary>
internal sealed partial class DemoCameraFeed(
    IOptions<DemoFeedOptions> demo,
    IOptions<FaceModelOptions> faces,
    IOptionsMonitor<KafkaStreamOptions> kafka,
    ModelHost<FaceModel> models,
    IGrainFactory grains,
    GallerySynchronizer galleries,
    ILogger<DemoCameraFeed> logger) : BackgroundService
{
    /// <summary>Images each demo identity is enrolled with: 5.</summary>
    public const int EnrolImages = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = demo.Value;
        if (options.Cameras == 0 || FaceDatasetLocator.Find(faces.Value) is not { } folder)
        {
            return;
        }

        var dataset = FaceFolderReader.Read(folder);
        var files = dataset.ImagesByIdentity()
            .Select((images, label) => (Identity: dataset.Identities[label], Images: (IReadOnlyList<string>)[.. images.Select(i => dataset.Sources[i])]))
            .ToList();
        while (!models.HasModel)
        {
            await Task.Delay(500, stoppingToken);
        }

        var enrolled = 0;
        foreach (var (identity, images) in files.Take(faces.Value.BootstrapIdentities))
        {
            var grain = grains.GetGrain<IIdentityGrain>(identity);
            if (await grain.Describe() is not null)
            {
                continue;
            }

            foreach (var image in images.Take(EnrolImages))
            {
                var outcome = await grain.Enrol(await File.ReadAllBytesAsync(image, stoppingToken));
                enrolled += outcome.Status == EnrolmentStatus.Enrolled ? 1 : 0;
            }
        }

        await galleries.SyncNowAsync(stoppingToken);
        LogEnrolled(enrolled, Math.Min(files.Count, faces.Value.BootstrapIdentities), folder);
        await ReplayAsync(files, options, stoppingToken);
    }

    private async Task ReplayAsync(IReadOnlyList<(string Identity, IReadOnlyList<string> Images)> files, DemoFeedOptions options, CancellationToken stoppingToken)
    {
        var frames = files.SelectMany(f => f.Images).Select(File.ReadAllBytes).ToArray();
        var settings = kafka.Get(StreamNames.KafkaProvider);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig(new Dictionary<string, string>(settings.ClientProperties))
        {
            BootstrapServers = settings.BootstrapServers,
            LingerMs = 5,
        }).Build();
        LogReplaying(frames.Length, options.Cameras, options.CameraFps);
        var interval = TimeSpan.FromSeconds(1 / options.CameraFps);
        var random = new Random(options.Seed);
        for (long n = 0; !stoppingToken.IsCancellationRequested; n++)
        {
            var camera = "demo-camera-" + ((n % options.Cameras) + 1).ToString(CultureInfo.InvariantCulture);
            producer.Produce(TopicNames.Frames, new Message<string, byte[]> { Key = camera, Value = frames[random.Next(frames.Length)] });
            await Task.Delay(interval, stoppingToken);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Demo cameras: enrolled {Faces} faces of {Identities} identities from {Folder}.")]
    private partial void LogEnrolled(int faces, int identities, string folder);

    [LoggerMessage(2, LogLevel.Information, "Demo cameras: replaying {Images} images as {Cameras} cameras at {Fps} frames/s to the frames topic.")]
    private partial void LogReplaying(int images, int cameras, double fps);
}
