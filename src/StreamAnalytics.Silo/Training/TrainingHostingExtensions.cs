using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using StreamAnalytics.Silo.Training.Store;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Silo.Training;

/// <summary>Wires retraining: <see cref="TrainingOptions"/>, the scheduler and the rating training store (both idle on
/// silos without the trainer role).</summary>
public static class TrainingHostingExtensions
{
    /// <summary>Binds and validates <see cref="TrainingOptions"/> (filling the store's defaults from the cluster id and
    /// the Kafka consumer group) and adds the scheduler and the rating store with its consumer.</summary>
    public static IServiceCollection AddModelTraining(this IServiceCollection services, IConfiguration configuration)
    {
        // A face training warms its learning rate up over its first epochs and needs at least one more, or every run
        // fails; refuse such a setting at start rather than on each run.
        var warmup = new StreamAnalytics.Training.Faces.FaceTrainingOptions().WarmupEpochs;
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName)
            .PostConfigure<IOptions<ClusterOptions>>((o, cluster) =>
            {
                o.StoreDirectory = string.IsNullOrWhiteSpace(o.StoreDirectory)
                    ? Path.Combine(Path.GetTempPath(), "stream-analytics-training", cluster.Value.ClusterId)
                    : o.StoreDirectory;
                var group = configuration[$"{KafkaStreamOptions.SectionName}:{nameof(KafkaStreamOptions.ConsumerGroup)}"] is { Length: > 0 } g ? g : "stream-analytics";
                o.StoreConsumerGroup = string.IsNullOrWhiteSpace(o.StoreConsumerGroup) ? group + "-trainer" : o.StoreConsumerGroup;
            })
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1) && o.FaceEpochs > warmup && o.FaceEpochs <= 1000 && o.MinFaceIdentities >= 6,
                $"Training: Interval at least 1 s, FaceEpochs within [{warmup + 1}, 1000], MinFaceIdentities at least 6.")
            .Validate(o => o.RatingRetention is >= 100 and <= 10_000_000 && o.MinNewRatings >= 0 && o.MinRatings >= 100 && o.StoreSaveInterval >= TimeSpan.FromMilliseconds(100),
                "Training: RatingRetention within [100, 10000000], MinNewRatings at least 0, MinRatings at least 100, StoreSaveInterval at least 100 ms.")
            .ValidateOnStart();
        services.AddHostedService<TrainingScheduler>();
        services.AddSingleton(s => new RatingTrainingStore(s.GetRequiredService<IOptions<TrainingOptions>>().Value.RatingRetention));
        services.AddSingleton(s => new RatingStoreFile(
            s.GetRequiredService<IOptions<TrainingOptions>>().Value.StoreDirectory!, s.GetRequiredService<Serializer<RatingStoreSnapshot>>()));
        services.AddHostedService<RatingStoreConsumer>();
        return services;
    }
}
