using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace StreamAnalytics.Streaming.Kafka.Hosting;

/// <summary>Configures a Kafka stream provider on a silo: options, cache, queue balancing.</summary>
public sealed class SiloKafkaStreamConfigurator : SiloPersistentStreamConfigurator
{
    /// <summary>The default size of the per-partition cache of undelivered containers.</summary>
    public const int DefaultCacheSize = 8192;

    /// <summary>Creates the configurator; use <see cref="SiloBuilderExtensions.AddKafkaStreams(ISiloBuilder, string, Action{SiloKafkaStreamConfigurator}?)"/>.</summary>
    public SiloKafkaStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServicesDelegate)
        : base(name, configureServicesDelegate, KafkaAdapterFactory.Create)
    {
        ConfigureDelegate(services =>
        {
            services.ConfigureNamedOptionForLogging<KafkaStreamOptions>(name);
            services.TryAddSingleton<KafkaConsumerLagMonitor>();
            services.AddTransient<IConfigurationValidator>(sp => new KafkaStreamOptionsValidator(
                sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name), name));
            // An empty partition is polled again after EmptyPollDelay.
            services.AddOptions<StreamPullingAgentOptions>(name)
                .Configure<IOptionsMonitor<KafkaStreamOptions>>((agent, kafka) => agent.GetQueueMsgsTimerPeriod = kafka.Get(name).EmptyPollDelay);
        });
        ConfigureCache(DefaultCacheSize);
        this.ConfigurePartitionBalancing(ActiveSiloQueueBalancer.Create);
    }

    /// <summary>Configures <see cref="KafkaStreamOptions"/>.</summary>
    public SiloKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        this.Configure(configureOptions);
        return this;
    }

    /// <summary>Sets how many containers each partition's cache holds before the agent stops reading. Defaults to <see cref="DefaultCacheSize"/>.</summary>
    public SiloKafkaStreamConfigurator ConfigureCache(int cacheSize)
    {
        this.Configure<SimpleQueueCacheOptions>(ob => ob.Configure(options => options.CacheSize = cacheSize));
        return this;
    }
}

/// <summary>Configures a Kafka stream provider on a cluster client, which only produces.</summary>
public sealed class ClusterClientKafkaStreamConfigurator : ClusterClientPersistentStreamConfigurator
{
    /// <summary>Creates the configurator; use <see cref="ClientBuilderExtensions.AddKafkaStreams(IClientBuilder, string, Action{ClusterClientKafkaStreamConfigurator}?)"/>.</summary>
    public ClusterClientKafkaStreamConfigurator(string name, IClientBuilder builder)
        : base(name, builder, KafkaAdapterFactory.Create)
    {
        builder.ConfigureServices(services =>
        {
            services.ConfigureNamedOptionForLogging<KafkaStreamOptions>(name);
            services.TryAddSingleton<KafkaConsumerLagMonitor>();
            services.AddTransient<IConfigurationValidator>(sp => new KafkaStreamOptionsValidator(
                sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name), name));
        });
    }

    /// <summary>Configures <see cref="KafkaStreamOptions"/>.</summary>
    public ClusterClientKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        this.Configure(configureOptions);
        return this;
    }
}
