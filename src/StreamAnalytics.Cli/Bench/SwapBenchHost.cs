using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Grains;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// One worker silo of <c>sa bench swap</c>'s in-process cluster, composed as the real host composes a worker: the
/// feature grains with the rating model, face serving, the model registry with its watcher (each silo follows the
/// active versions on its own, as in production), in-memory grain storage, and the Kafka streams over the embedded
/// broker with both topics (the grains subscribe implicitly, so the provider must exist; no records are produced).
/// </summary>
internal sealed class SwapBenchHost(IHost host, IPEndPoint endpoint) : IAsyncDisposable
{
    /// <summary>The silo's endpoint, which later silos join.</summary>
    public IPEndPoint Endpoint { get; } = endpoint;

    /// <summary>The silo's own client.</summary>
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The rating model version this silo serves; null before the first.</summary>
    public string? RatingVersion => host.Services.GetRequiredService<ModelHost<RatingModel>>().ActiveVersion;

    /// <summary>The face model version this silo serves; null before the first.</summary>
    public string? FaceVersion => host.Services.GetRequiredService<ModelHost<FaceModel>>().ActiveVersion;

    /// <summary>The silo's galleries.</summary>
    public GallerySynchronizer Galleries => host.Services.GetRequiredService<GallerySynchronizer>();

    /// <param name="bootstrap">The embedded broker.</param>
    /// <param name="primary">The first silo's endpoint; null starts the first silo.</param>
    /// <param name="cancellation">Cancels start-up.</param>
    public static async Task<SwapBenchHost> StartAsync(string bootstrap, IPEndPoint? primary, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        var endpoint = BenchSilo.ConfigureClustered(
            builder,
            primary,
            silo =>
            {
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddKafkaStreams(StreamNames.KafkaProvider, kafka =>
                {
                    kafka.BootstrapServers = bootstrap;
                    kafka.ConsumerGroup = "bench-swap";
                    kafka.Topics[TopicNames.Interactions] = new KafkaTopicOptions { Partitions = 8, DeadLetterTopic = TopicNames.InteractionsDeadLetter };
                    kafka.Topics[TopicNames.Frames] = new KafkaTopicOptions { Partitions = 4, DeadLetterTopic = TopicNames.FramesDeadLetter };
                });
            },
            services =>
            {
                services.AddFeatureGrains();
                services.AddFaceServing();
                services.AddModelRegistry();
                services.AddTopicRecordMappers();
            });
        var app = builder.Build();
        await app.StartAsync(cancellation);
        return new SwapBenchHost(app, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
