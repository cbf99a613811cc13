namespace StreamAnalytics.Streaming.Kafka.Hosting;

/// <summary>Adds Kafka stream providers to an Orleans silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds a Kafka stream provider named <paramref name="name"/> configured by <paramref name="configureOptions"/>.</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<KafkaStreamOptions> configureOptions) =>
        builder.AddKafkaStreams(name, c => c.ConfigureKafka(ob => ob.Configure(configureOptions)));

    /// <summary>
    /// Adds a Kafka stream provider named <paramref name="name"/>. Options must be configured through
    /// <paramref name="configure"/> or bound separately as named <see cref="KafkaStreamOptions"/>.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<SiloKafkaStreamConfigurator>? configure)
    {
        var configurator = new SiloKafkaStreamConfigurator(name, services => builder.ConfigureServices(services));
        configure?.Invoke(configurator);
        return builder;
    }
}
