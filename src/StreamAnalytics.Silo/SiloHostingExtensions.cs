using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.Silo.Cluster;
using StreamAnalytics.Silo.Security;
using StreamAnalytics.Silo.Training;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Embedded;
using StreamAnalytics.Streaming.Kafka.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace StreamAnalytics.Silo;

/// <summary>
/// The silo's composition: Orleans with localhost or Redis clustering, memory or Redis grain storage (see
/// <see cref="SiloOptions"/>), and the grains with everything they need (<see cref="AddStreamAnalyticsGrains"/>).
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
        builder.Services.AddSingleton<StreamAnalytics.Silo.Api.InteractionProducer>();
        var roles = SiloRoles.Parse(silo.Role is { Length: > 0 } role
            ? role
            : builder.Services.Any(d => d.ServiceType == typeof(EmbeddedKafkaBroker)) ? $"{SiloRoles.Worker},{SiloRoles.Trainer}" : SiloRoles.Worker);
        builder.UseOrleans(orleans =>
        {
            orleans.AddStreamAnalyticsGrains(roles);
            orleans.UseConfiguredClustering(silo);
            orleans.AddConfiguredGrainStorage(silo);
            orleans.UseConfiguredTls(builder.Configuration);
        });
        return builder;
    }

    /// <summary>
    /// Adds what every silo runs whatever its clustering, storage and transport: the feature grains with the rating
    /// model, face serving, the model registry with this silo's watcher, the Kafka streams (section <c>Kafka</c>) with
    /// each topic's record mapper, and this silo's <paramref name="roles"/> (published as silo metadata for trainer
    /// placement, with the training scheduler). The host composes its silo with it, and so do the multi-silo tests,
    /// which give each silo its own roles.
    /// </summary>
    public static ISiloBuilder AddStreamAnalyticsGrains(this ISiloBuilder orleans, IReadOnlySet<string> roles)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        ArgumentNullException.ThrowIfNull(roles);
        var services = orleans.Services;
        // Interaction records are validated against the event contract; rejects go to the topic's dead-letter topic.
        // "Interactions": { "MaxRecordBytes": 65536, "RatingMin": 1, "RatingMax": 5, "MaxIdLength": 256 }
        var validation = orleans.Configuration.GetSection("Interactions").Get<InteractionValidationOptions>() ?? new InteractionValidationOptions();
        services.AddSingleton(new InteractionEventParser(validation));
        services.AddFeatureGrains();
        services.AddFaceServing();
        services.AddModelRegistry();
        // Each topic has its own record contract: interactions feed user and product streams, frames camera streams.
        services.AddTopicRecordMappers();
        services.AddSingleton(new LocalSiloRoles(roles));
        services.AddModelTraining(orleans.Configuration);
        // Published to every silo, so placement can put the trainer grains on trainer silos only.
        orleans.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = string.Join(",", roles) });
        services.AddPlacementDirector<TrainerPlacement, TrainerPlacementDirector>();
        orleans.AddKafkaStreams(StreamNames.KafkaProvider, kafka =>
            kafka.ConfigureKafka(options => options.BindConfiguration(KafkaStreamOptions.SectionName)));
        return orleans;
    }
}
