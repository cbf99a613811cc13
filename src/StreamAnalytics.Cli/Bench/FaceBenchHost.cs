using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Grains.Cameras;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// A worker silo composed for face serving as the real host composes it, in this process: <c>AddFaceServing</c>
/// (model host, gallery synchroniser, the shared batcher, the Kafka result sink), in-memory grain storage, and the
/// Kafka streams over the embedded broker with the <c>frames</c> topic (the camera grain subscribes implicitly to the
/// <c>camera</c> namespace, so the provider must exist). The batcher's largest batch is a setting, so the same silo
/// can run unbatched.
/// </summary>
internal sealed class FaceBenchHost(IHost host) : IAsyncDisposable
{
    /// <summary>The silo's own client: grain calls from the silo's process, as the HTTP API makes them.</summary>
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Loads, probes and swaps in a face model with its gallery.</summary>
    public FaceModelActivator Activator => host.Services.GetRequiredService<FaceModelActivator>();

    /// <summary>The silo's face model host, which the batcher reads.</summary>
    public ModelHost<FaceModel> Models => host.Services.GetRequiredService<ModelHost<FaceModel>>();

    /// <summary>The silo's galleries.</summary>
    public GallerySynchronizer Galleries => host.Services.GetRequiredService<GallerySynchronizer>();

    /// <param name="bootstrap">The embedded broker.</param>
    /// <param name="maxBatchSize">The batcher's <c>Faces:Batching:MaxBatchSize</c>: 32 is the default, 1 runs unbatched.</param>
    /// <param name="concurrentBatches">The batcher's <c>Faces:Batching:MaxConcurrentBatches</c>.</param>
    /// <param name="publish">False replaces the Kafka result sink with one that drops results.</param>
    /// <param name="consumerGroup">A consumer group of the silo's own, so two silos in one run do not share partitions.</param>
    /// <param name="cancellation">Cancels start-up.</param>
    public static async Task<FaceBenchHost> StartAsync(string bootstrap, int maxBatchSize, int concurrentBatches, bool publish, string consumerGroup, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"{FaceServingOptions.SectionName}:{nameof(FaceServingOptions.Batching)}:MaxBatchSize"] = maxBatchSize.ToString(CultureInfo.InvariantCulture);
        builder.Configuration[$"{FaceServingOptions.SectionName}:{nameof(FaceServingOptions.Batching)}:MaxConcurrentBatches"] = concurrentBatches.ToString(CultureInfo.InvariantCulture);
        BenchSilo.Configure(
            builder,
            silo =>
            {
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddKafkaStreams(StreamNames.KafkaProvider, kafka =>
                {
                    kafka.BootstrapServers = bootstrap;
                    kafka.ConsumerGroup = consumerGroup;
                    kafka.Topics[TopicNames.Frames] = new KafkaTopicOptions { Partitions = 4, DeadLetterTopic = TopicNames.FramesDeadLetter };
                });
            },
            services =>
            {
                if (!publish)
                {
                    // Registered before AddFaceServing, whose TryAdd then keeps it.
                    services.AddSingleton<ICameraResultSink, DroppingCameraResultSink>();
                }

                services.AddFaceServing();
                services.AddKeyedSingleton<IKafkaRecordMapper>(StreamNames.KafkaProvider, (_, _) => new FrameRecordMapper());
            });
        var app = builder.Build();
        await app.StartAsync(cancellation);
        return new FaceBenchHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
