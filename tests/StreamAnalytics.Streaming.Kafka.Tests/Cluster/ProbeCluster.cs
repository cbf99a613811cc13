using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

/// <summary>
/// Builds an in-process Orleans test cluster whose silos read one topic of the embedded broker through the Kafka
/// stream provider into probe grains. Each test uses its own topic, so tests sharing a broker never see each other's records.
/// </summary>
public static class ProbeCluster
{
    public const string ProviderName = "kafka";
    public const string UserNamespace = "probe-user";
    public const string ProductNamespace = "probe-product";

    public static async Task<RunningCluster> StartAsync(string bootstrapServers, string topic, int partitions, int silos = 2, string? consumerGroup = null, KafkaStartPosition startPosition = KafkaStartPosition.Earliest, string? deadLetterTopic = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Probe:BootstrapServers"] = bootstrapServers,
            ["Probe:Topic"] = topic,
            ["Probe:Partitions"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Probe:ConsumerGroup"] = consumerGroup ?? $"group-{topic}",
            ["Probe:StartPosition"] = startPosition.ToString(),
            ["Probe:DeadLetterTopic"] = deadLetterTopic,
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RunningCluster(cluster);
    }

    /// <summary>The provider options every silo and the client use, from the test's configuration.</summary>
    public static void Configure(KafkaStreamOptions options, IConfiguration configuration)
    {
        var topic = configuration["Probe:Topic"]!;
        options.BootstrapServers = configuration["Probe:BootstrapServers"]!;
        options.ConsumerGroup = configuration["Probe:ConsumerGroup"]!;
        options.StartPosition = Enum.Parse<KafkaStartPosition>(configuration["Probe:StartPosition"]!);
        options.EmptyPollDelay = TimeSpan.FromMilliseconds(10);
        options.CommitInterval = TimeSpan.FromMilliseconds(200);
        options.Topics[topic] = new KafkaTopicOptions
        {
            Partitions = int.Parse(configuration["Probe:Partitions"]!, System.Globalization.CultureInfo.InvariantCulture),
            DeadLetterTopic = configuration["Probe:DeadLetterTopic"],
            Streams =
            [
                new KafkaStreamRoute { Namespace = UserNamespace, KeyField = "userId" },
                new KafkaStreamRoute { Namespace = ProductNamespace, KeyField = "productId" },
            ],
        };
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            siloBuilder.AddMemoryGrainStorage("PubSubStore");
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage, ProbeStorage>(ProbeStorage.Name);
            siloBuilder.AddKafkaStreams(ProviderName, options => ProbeCluster.Configure(options, configuration));
            // Declare a killed silo dead within a few seconds, so its partitions move quickly.
            siloBuilder.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddKafkaStreams(ProviderName, options => ProbeCluster.Configure(options, configuration));
    }
}

/// <summary>A deployed test cluster that stops its silos when disposed.</summary>
public sealed class RunningCluster(TestCluster cluster) : IAsyncDisposable
{
    public TestCluster Cluster { get; } = cluster;

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
