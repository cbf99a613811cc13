using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace StreamAnalytics.Streaming.Kafka.Hosting;

/// <summary>Configures a Kafka stream provider on a silo: options, polling cadence and queue balancing.</summary>
public sealed class SiloKafkaStreamConfigurator : SiloPersistentStreamConfigurator
{
    /// <summary>Creates the configurator; use <see cref="SiloBuilderExtensions.AddKafkaStreams(ISiloBuilder, string, Action{SiloKafkaStreamConfigurator}?)"/>.</summary>
    public SiloKafkaStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServicesDelegate)
        : base(name, configureServicesDelegate, KafkaAdapterFactory.Create)
    {
        ConfigureDelegate(services =>
        {
            services.ConfigureNamedOptionForLogging<KafkaStreamOptions>(name);
            services.TryAddSingleton<KafkaConsumerLagMonitor>();
            services.TryAddSingleton<KafkaInstruments>();
            services.AddTransient<IConfigurationValidator>(sp => new KafkaStreamOptionsValidator(
                sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name), name));
            // An empty partition is polled again after EmptyPollDelay.
            services.AddOptions<StreamPullingAgentOptions>(name)
                .Configure<IOptionsMonitor<KafkaStreamOptions>>((agent, kafka) => agent.GetQueueMsgsTimerPeriod = kafka.Get(name).EmptyPollDelay);
        });
        this.ConfigurePartitionBalancing(ActiveSiloQueueBalancer.Create);
    }

    /// <summary>Configures <see cref="KafkaStreamOptions"/>.</summary>
    public SiloKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        this.Configure(configureOptions);
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
            services.TryAddSingleton<KafkaInstruments>();
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
