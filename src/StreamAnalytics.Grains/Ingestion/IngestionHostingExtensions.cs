using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Ingestion;

/// <summary>Registers how the Kafka provider turns each topic's records into stream events.</summary>
public static class IngestionHostingExtensions
{
    /// <summary>
    /// Adds the provider's record mapper for both topics a worker reads: <c>interactions</c> (validated by the registered
    /// <see cref="InteractionEventParser"/>, the default limits when none is) feed the user and product streams,
    /// <c>frames</c> the camera streams.
    /// </summary>
    public static IServiceCollection AddTopicRecordMappers(this IServiceCollection services)
    {
        services.TryAddSingleton(new InteractionEventParser());
        services.AddKeyedSingleton<IKafkaRecordMapper>(StreamNames.KafkaProvider, (services, _) => new TopicRecordMapper(
            new Dictionary<string, IKafkaRecordMapper>(StringComparer.Ordinal)
            {
                [TopicNames.Interactions] = new InteractionRecordMapper(services.GetRequiredService<InteractionEventParser>()),
                [TopicNames.Frames] = new FrameRecordMapper(),
            }));
        return services;
    }
}
