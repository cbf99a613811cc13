using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The events one poll of a partition read for one stream, each with the token of the record it came from.
/// Grouping a poll's events by stream turns many records of a busy key into one grain call.
/// </summary>
[GenerateSerializer]
public sealed class KafkaBatchContainer : IBatchContainer
{
    /// <summary>Creates a container; <paramref name="events"/> and <paramref name="tokens"/> are parallel and non-empty.</summary>
    public KafkaBatchContainer(StreamId streamId, object[] events, KafkaStreamSequenceToken[] tokens, Dictionary<string, object>? requestContext)
    {
        if (events.Length == 0 || events.Length != tokens.Length)
        {
            throw new ArgumentException("A batch needs at least one event and exactly one token per event.", nameof(tokens));
        }

        StreamId = streamId;
        Events = events;
        Tokens = tokens;
        RequestContext = requestContext;
    }

    /// <inheritdoc />
    [Id(0)]
    public StreamId StreamId { get; }

    /// <summary>The events, in offset order.</summary>
    [Id(1)]
    public object[] Events { get; }

    /// <summary>The token of each event in <see cref="Events"/>.</summary>
    [Id(2)]
    public KafkaStreamSequenceToken[] Tokens { get; }

    /// <summary>The request context an Orleans producer attached, if any.</summary>
    [Id(3)]
    public Dictionary<string, object>? RequestContext { get; }

    /// <summary>The token of the first event: the cache orders containers by it.</summary>
    public StreamSequenceToken SequenceToken => Tokens[0];

    /// <summary>
    /// Which receiver handed this container to the pulling agent, and in which order; used to decide which offsets
    /// may be committed once the cache purges it. Not serialized or copied: a container that crossed a silo
    /// boundary has none, so it can never release another receiver's offsets.
    /// </summary>
    [NonSerialized]
    internal (object Receiver, long Sequence)? Receipt;

    /// <inheritdoc />
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < Events.Length; i++)
        {
            if (Events[i] is T item)
            {
                yield return Tuple.Create<T, StreamSequenceToken>(item, Tokens[i]);
            }
        }
    }

    /// <inheritdoc />
    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"[KafkaBatchContainer {StreamId} x{Events.Length} from {Tokens[0]}]";
}
