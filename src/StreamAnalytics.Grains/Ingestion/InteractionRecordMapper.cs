using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Ingestion;

/// <summary>
/// Maps an interaction record to the streams it feeds: <c>user</c>/{userId} and <c>product</c>/{productId}, each
/// receiving the validated <see cref="InteractionEvent"/>. An invalid record is rejected with the contract's reason,
/// which the provider writes to the dead-letter topic.
/// </summary>
public sealed class InteractionRecordMapper(InteractionEventParser parser) : IKafkaRecordMapper
{
    /// <inheritdoc />
    public void Map(KafkaRecord record, ICollection<KafkaStreamEvent> events)
    {
        var result = parser.Parse(record.Value);
        if (result.Event is not { } interaction)
        {
            throw new InvalidKafkaRecordException(result.Reason ?? "invalid");
        }

        events.Add(new KafkaStreamEvent(StreamId.Create(StreamNames.UserNamespace, interaction.UserId), interaction));
        events.Add(new KafkaStreamEvent(StreamId.Create(StreamNames.ProductNamespace, interaction.ProductId), interaction));
    }
}
