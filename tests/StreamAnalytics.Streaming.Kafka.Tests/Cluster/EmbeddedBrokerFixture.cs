using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

/// <summary>One embedded broker shared by the cluster tests; each test creates its own topic on it.</summary>
public sealed class EmbeddedBrokerFixture : IDisposable
{
    public EmbeddedKafkaBroker Broker { get; } = EmbeddedKafkaBroker.Start();

    public string CreateTopic(string prefix, int partitions)
    {
        var topic = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        Broker.CreateTopic(topic, partitions);
        return topic;
    }

    public void Dispose() => Broker.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbeddedBrokerGroup : ICollectionFixture<EmbeddedBrokerFixture>
{
    public const string Name = "embedded broker";
}
