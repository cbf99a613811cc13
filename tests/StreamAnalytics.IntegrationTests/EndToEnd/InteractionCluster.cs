using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains;
using StreamAnalytics.Grains.Ingestion;
using StreamAnalytics.Streaming.Kafka;
using StreamAnalytics.Streaming.Kafka.Hosting;

namespace StreamAnalytics.IntegrationTests.EndToEnd;

/// <summary>An in-process cluster wired like the silo host: interaction mapper, dead-letter topic, user and product grains.</summary>
public static class InteractionCluster
{
    public static async Task<TestCluster> StartAsync(string bootstrapServers, string topic, int partitions, short silos = 2)
    {
        var builder = new TestClusterBuilder(silos);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["E2E:BootstrapServers"] = bootstrapServers,
            ["E2E:Topic"] = topic,
            ["E2E:Partitions"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            var topic = configuration["E2E:Topic"]!;
            siloBuilder.AddMemoryGrainStorage("PubSubStore");
            siloBuilder.Services.AddSingleton<IGrainStorage, DurableTestStorage>();
            siloBuilder.Services.AddFeatureGrains();
            siloBuilder.Services.AddKeyedSingleton<IKafkaRecordMapper>(StreamNames.KafkaProvider, (_, _) => new InteractionRecordMapper(new InteractionEventParser()));
            siloBuilder.AddKafkaStreams(StreamNames.KafkaProvider, options =>
            {
                options.BootstrapServers = configuration["E2E:BootstrapServers"]!;
                options.ConsumerGroup = $"e2e-{topic}";
                options.EmptyPollDelay = TimeSpan.FromMilliseconds(10);
                options.CommitInterval = TimeSpan.FromMilliseconds(200);
                options.Topics[topic] = new KafkaTopicOptions
                {
                    Partitions = int.Parse(configuration["E2E:Partitions"]!, System.Globalization.CultureInfo.InvariantCulture),
                    DeadLetterTopic = $"{topic}.dlq",
                };
            });
            siloBuilder.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }
}
