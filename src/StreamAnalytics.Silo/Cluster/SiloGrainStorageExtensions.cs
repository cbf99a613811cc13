using Microsoft.Extensions.Options;
using Orleans.Persistence;
using Orleans.Storage;

namespace StreamAnalytics.Silo;

/// <summary>Adds the default grain storage and <c>PubSubStore</c> as <c>Orleans:GrainStorage</c> says.</summary>
public static class SiloGrainStorageExtensions
{
    /// <summary>The storage the stream pub-sub keeps subscriptions in.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>
    /// Memory or Redis storage for the default provider and <see cref="PubSubStore"/>. <paramref name="silo"/> must
    /// have been validated.
    /// </summary>
    public static ISiloBuilder AddConfiguredGrainStorage(this ISiloBuilder orleans, SiloOptions silo)
    {
        if (silo.GrainStorage == GrainStorageProviders.Redis)
        {
            var redis = StackExchange.Redis.ConfigurationOptions.Parse(silo.Redis!);
            orleans.AddRedisGrainStorageAsDefault(storage => ConfigureRedis(storage, redis));
            orleans.AddRedisGrainStorage(PubSubStore, storage => ConfigureRedis(storage, redis));
        }
        else
        {
            orleans.AddMemoryGrainStorageAsDefault();
            orleans.AddMemoryGrainStorage(PubSubStore);
        }

        return orleans;
    }

    // Name the serializer explicitly: the feature state is written with the one AddFeatureGrains registers (Orleans'
    // binary serializer), whichever storage holds it, and Redis keeps the bytes as they are.
    private static void ConfigureRedis(OptionsBuilder<RedisStorageOptions> storage, StackExchange.Redis.ConfigurationOptions redis) =>
        storage.Configure<IGrainStorageSerializer>((options, serializer) =>
        {
            options.ConfigurationOptions = redis.Clone();
            options.GrainStorageSerializer = serializer;
        });
}
