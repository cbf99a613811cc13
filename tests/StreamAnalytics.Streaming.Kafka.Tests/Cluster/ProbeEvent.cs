namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

/// <summary>An event written by an Orleans producer (<c>OnNextAsync</c>), as opposed to a raw Kafka record.</summary>
[GenerateSerializer, Immutable]
public sealed record ProbeEvent([property: Id(0)] string Key, [property: Id(1)] int Sequence);
