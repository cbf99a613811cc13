using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// A worker silo as the real host composes it for predictions, in this process: the feature grains with the rating
/// model's host and scorer, the Kafka streams over the embedded broker (provider defaults), in-memory grain storage,
/// and Kestrel on a free loopback port serving the prediction route beside the silo, as the silo's API does.
/// </summary>
internal sealed class PredictBenchHost(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    /// <summary>The HTTP API's address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The silo's own client: grain calls from the silo's process, as the API makes them.</summary>
    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's rating model host, which every user grain's scorer reads.</summary>
    public ModelHost<RatingModel> Models => app.Services.GetRequiredService<ModelHost<RatingModel>>();

    public static async Task<PredictBenchHost> StartAsync(string bootstrap, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        BenchSilo.Configure(
            builder,
            silo =>
            {
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddKafkaStreams(StreamNames.KafkaProvider, kafka =>
                {
                    kafka.BootstrapServers = bootstrap;
                    kafka.ConsumerGroup = "bench-predict";
                    kafka.Topics[TopicNames.Interactions] = new KafkaTopicOptions { Partitions = 8, DeadLetterTopic = TopicNames.InteractionsDeadLetter };
                });
            },
            services =>
            {
                services.AddFeatureGrains();
                services.AddKeyedSingleton<IKafkaRecordMapper>(StreamNames.KafkaProvider, (_, _) => new InteractionRecordMapper(new InteractionEventParser()));
            });
        var app = builder.Build();
        app.MapBenchPredictionRoute();
        await app.StartAsync(cancellation);
        // Port 0 asked Kestrel for a free port: the bound address is known only now.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PredictBenchHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
