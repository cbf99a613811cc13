namespace StreamAnalytics.Abstractions;

/// <summary>
/// The names every component agrees on: the stream provider, the stream namespaces and the Kafka topics.
/// Keeping them in one place means a producer and a grain can never drift apart on a spelling.
/// </summary>
public static class StreamNames
{
    /// <summary>The name under which the Kafka persistent stream provider is registered in every silo and client.</summary>
    public const string KafkaProvider = "kafka";

    /// <summary>Stream namespace keyed by user id; an interaction record feeds the stream of its user.</summary>
    public const string UserNamespace = "user";

    /// <summary>Stream namespace keyed by product id; an interaction record feeds the stream of its product.</summary>
    public const string ProductNamespace = "product";

    /// <summary>Stream namespace keyed by camera id.</summary>
    public const string CameraNamespace = "camera";
}
