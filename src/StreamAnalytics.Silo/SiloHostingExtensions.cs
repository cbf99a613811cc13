using StreamAnalytics.Silo.Security;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.Streaming.Kafka.Embedded;
using Orleans.Runtime.MembershipService.SiloMetadata;
using StreamAnalytics.Silo.Cluster;
using StreamAnalytics.Silo.Training;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Silo;

/// <summary>
/// The silo's composition: Orleans with localhost or Redis clustering, memory or Redis grain storage (see
/// <see cref="SiloOptions"/>), the Kafka streams and the interaction mapper.
/// </summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds the Orleans silo of a worker host.</summary>
    public static WebApplicationBuilder AddStreamAnalyticsSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        SiloOptionsValidator.ThrowIfInvalid(silo);
        builder.Services.AddSingleton(Options.Create(silo));
        // Orleans reads the "Orleans" section too, and takes any "Orleans:Clustering" for a provider section of its own
        // configuration model (it then asks for a provider named by Clustering:ProviderType, "Default" when absent,
        // and fails). Ours holds a plain name and is applied in code below, so hide its value from Orleans once read.
        builder.Configuration[$"{SiloOptions.SectionName}:{nameof(SiloOptions.Clustering)}"] = null;
        // Interaction records are validated against the event contract; rejects go to the topic's dead-letter topic.
        // "Interactions": { "MaxRecordBytes": 65536, "RatingMin": 1, "RatingMax": 5, "MaxIdLength": 256 }
        var validation = builder.Configuration.GetSection("Interactions").Get<InteractionValidationOptions>() ?? new InteractionValidationOptions();
        builder.Services.AddSingleton(new InteractionEventParser(validation));
        builder.Services.AddSingleton<StreamAnalytics.Silo.Api.InteractionProducer>();
        builder.Services.AddFeatureGrains();
        builder.Services.AddFaceServing();
        builder.Services.AddModelRegistry();
        // Each topic has its own record contract: interactions feed user and product streams, frames camera streams.
        builder.Services.AddKeyedSingleton<IKafkaRecordMapper>(StreamNames.KafkaProvider, (services, _) => new TopicRecordMapper(
            new Dictionary<string, IKafkaRecordMapper>(StringComparer.Ordinal)
            {
                [TopicNames.Interactions] = new InteractionRecordMapper(services.GetRequiredService<InteractionEventParser>()),
                [TopicNames.Frames] = new FrameRecordMapper(),
            }));
        var roles = SiloRoles.Parse(silo.Role is { Length: > 0 } role
            ? role
            : builder.Services.Any(d => d.ServiceType == typeof(EmbeddedKafkaBroker)) ? $"{SiloRoles.Worker},{SiloRoles.Trainer}" : SiloRoles.Worker);
        builder.Services.AddSingleton(new LocalSiloRoles(roles));
        builder.Services.AddModelTraining(builder.Configuration, silo.ClusterId);
        builder.UseOrleans(orleans =>
        {
            // Published to every silo, so placement can put the trainer grains on trainer silos only.
            orleans.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = string.Join(",", roles) });
            orleans.Services.AddPlacementDirector<TrainerPlacement, TrainerPlacementDirector>();
            orleans.UseConfiguredClustering(silo);
            orleans.AddConfiguredGrainStorage(silo);
            orleans.UseConfiguredTls(builder.Configuration);
            orleans.AddKafkaStreams(StreamNames.KafkaProvider, kafka =>
                kafka.ConfigureKafka(options => options.BindConfiguration(StreamAnalytics.Streaming.Kafka.KafkaStreamOptions.SectionName)));
        });
        return builder;
    }
}
