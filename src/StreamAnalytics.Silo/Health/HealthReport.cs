namespace StreamAnalytics.Silo.Health;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">
/// <c>healthy</c> (HTTP 200) when the broker answered its latest metadata request and this silo is an active cluster
/// member; otherwise <c>unhealthy</c> (HTTP 503).
/// </param>
/// <param name="Broker">The Kafka cluster this silo talks to.</param>
/// <param name="Topics">The topics the stream provider reads, with their partition counts.</param>
/// <param name="Queues">The partitions this silo pulls now, with position and lag.</param>
/// <param name="Cluster">The Orleans cluster this silo belongs to.</param>
/// <param name="Models">
/// The models this silo serves and their active versions. A missing model does not make the silo unhealthy: it still
/// keeps features, and answers prediction requests with 503 until a model is loaded.
/// </param>
public sealed record HealthReport(
    string Status, BrokerStatus Broker, IReadOnlyList<TopicStatus> Topics, IReadOnlyList<QueueStatus> Queues, ClusterStatus Cluster, IReadOnlyList<ModelStatus> Models);

/// <summary>The Kafka cluster a silo uses.</summary>
/// <param name="BootstrapServers">The bootstrap address other processes can produce to.</param>
/// <param name="Embedded">True when the silo started the embedded broker itself.</param>
/// <param name="Reachable">The latest metadata request (every 10 s) was answered; false before the first answer.</param>
/// <param name="CheckedAt">When that request was made; null before the first.</param>
/// <param name="Error">Why the broker is unreachable; null when reachable.</param>
public sealed record BrokerStatus(string BootstrapServers, bool Embedded, bool Reachable, DateTimeOffset? CheckedAt, string? Error);

/// <summary>A topic read by the stream provider.</summary>
public sealed record TopicStatus(string Name, int Partitions);

/// <summary>One partition pulled by this silo.</summary>
public sealed record QueueStatus(string Topic, int Partition, long Position, long HighWatermark, long CommittedOffset, long Lag, long Rejected);
