namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The value of a record written by an Orleans producer (<c>stream.OnNextAsync</c>): the stream and its events,
/// in the Orleans serializer's format. Such records carry the <see cref="HeaderName"/> header, which is how the
/// receiver tells them from records written by other Kafka clients.
/// </summary>
[GenerateSerializer]
internal sealed class OrleansEventsPayload
{
    /// <summary>Header present on every record written by an Orleans producer.</summary>
    public const string HeaderName = "orleans-events";

    [Id(0)]
    public StreamId StreamId { get; init; }

    [Id(1)]
    public object[] Events { get; init; } = [];

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; init; }
}
