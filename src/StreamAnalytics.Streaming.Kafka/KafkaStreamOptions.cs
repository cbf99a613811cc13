namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Options of one Kafka stream provider, bound from the <c>Kafka</c> configuration section by the host.
/// </summary>
/// <remarks>
/// <code>
/// "Kafka": {
///   "BootstrapServers": "localhost:9092",          // empty: the host starts the embedded broker
///   "ConsumerGroup": "stream-analytics",
///   "StartPosition": "Earliest",
///   "Topics": {
///     "interactions": {
///       "Partitions": 8,
///       "Streams": [ { "Namespace": "user", "KeyField": "userId" }, { "Namespace": "product", "KeyField": "productId" } ]
///     }
///   },
///   "ClientProperties": { "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN" }
/// }
/// </code>
/// </remarks>
public sealed class KafkaStreamOptions
{
    /// <summary>The configuration section the host binds these options from.</summary>
    public const string SectionName = "Kafka";

    /// <summary>Comma-separated <c>host:port</c> list of Kafka brokers. Required; no default.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>
    /// The topics this provider reads, by name. Each partition of each topic is one Orleans queue.
    /// Defaults to empty; at least one topic is required.
    /// </summary>
    public Dictionary<string, KafkaTopicOptions> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The Kafka consumer group under which delivered offsets are committed. Partitions are assigned by the
    /// Orleans queue balancer, never by Kafka group rebalancing. Defaults to <c>stream-analytics</c>.
    /// </summary>
    public string ConsumerGroup { get; set; } = "stream-analytics";

    /// <summary>Where a partition with no committed offset starts. Defaults to <see cref="KafkaStartPosition.Earliest"/>.</summary>
    public KafkaStartPosition StartPosition { get; set; } = KafkaStartPosition.Earliest;

    /// <summary>
    /// The most records one receiver reads from its partition per poll. Larger polls group more events of a key into
    /// one grain call (measured in docs/benchmarks.md). Defaults to 5000.
    /// </summary>
    public int PollBatchSize { get; set; } = 5000;

    /// <summary>
    /// How many containers (one per stream per poll) each partition's cache holds while they are delivered; reading a
    /// partition pauses when it is full. Defaults to 8192.
    /// </summary>
    public int CacheSize { get; set; } = 8192;

    /// <summary>How long a receiver waits before polling a partition again after finding it empty. Defaults to 20 ms.</summary>
    public TimeSpan EmptyPollDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often offsets of delivered records are committed to Kafka. Defaults to 1 second.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Extra librdkafka properties passed to every consumer and producer unchanged (SASL, SSL, tuning).
    /// The properties the provider owns (see <see cref="KafkaStreamOptionsValidator.ManagedClientProperties"/>) may not be set here.
    /// Defaults to empty.
    /// </summary>
    public Dictionary<string, string> ClientProperties { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One topic read by the provider.</summary>
public sealed class KafkaTopicOptions
{
    /// <summary>
    /// The partition count of the topic. Queue ids are derived from it, so every silo and client must agree, and it
    /// must equal the topic's count on the broker: partitions beyond it are not read (not checked here; docker-compose's
    /// topic step checks it, and docs/operations.md says how to add partitions). Defaults to 8.
    /// </summary>
    public int Partitions { get; set; } = 8;

    /// <summary>
    /// The streams one record of this topic feeds. Empty (the default) means one stream per record, in a namespace
    /// named like the topic and keyed by the record key.
    /// </summary>
    public List<KafkaStreamRoute> Streams { get; set; } = [];

    /// <summary>
    /// The topic records of this topic that fail mapping are written to, unchanged, with headers <c>reason</c>,
    /// <c>source-topic</c>, <c>source-partition</c> and <c>source-offset</c>. <see langword="null"/> (the default)
    /// only logs and counts them. The embedded broker creates it with one partition.
    /// </summary>
    public string? DeadLetterTopic { get; set; }
}

/// <summary>One stream a record feeds: a namespace, and where in the record the stream key is found.</summary>
public sealed class KafkaStreamRoute
{
    /// <summary>The Orleans stream namespace. Required.</summary>
    public string Namespace { get; set; } = "";

    /// <summary>
    /// The top-level JSON property of the record value that holds the stream key (a string or a number).
    /// <see langword="null"/> (the default) takes the record key.
    /// </summary>
    public string? KeyField { get; set; }
}

/// <summary>Where a partition with no committed offset starts reading.</summary>
public enum KafkaStartPosition
{
    /// <summary>The oldest record the broker still holds.</summary>
    Earliest,

    /// <summary>Only records written after the receiver starts.</summary>
    Latest,
}
