namespace StreamAnalytics.Streaming.Kafka.Hosting;

/// <summary>Adds Kafka stream providers to an Orleans cluster client.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Adds a Kafka stream provider named <paramref name="name"/> configured by <paramref name="configureOptions"/>.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<KafkaStreamOptions> configureOptions) =>
        builder.AddKafkaStreams(name, c => c.ConfigureKafka(ob => ob.Configure(configureOptions)));

    /// <summary>Adds a Kafka stream provider named <paramref name="name"/>; a client only produces.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<ClusterClientKafkaStreamConfigurator>? configure)
    {
        var configurator = new ClusterClientKafkaStreamConfigurator(name, builder);
        configure?.Invoke(configurator);
        return builder;
    }
}
