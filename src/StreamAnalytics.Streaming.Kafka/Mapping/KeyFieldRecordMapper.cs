using System.Text.Json;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// The default mapper: routes each record to the streams its topic's <see cref="KafkaTopicOptions.Streams"/> name,
/// keyed by a top-level JSON property of the value or by the record key, and delivers the
/// <see cref="KafkaRecord"/> itself as the event.
/// </summary>
public sealed class KeyFieldRecordMapper : IKafkaRecordMapper
{
    private readonly Dictionary<string, KafkaStreamRoute[]> _routesByTopic = new(StringComparer.Ordinal);

    /// <summary>Creates the mapper for the topics in <paramref name="options"/>.</summary>
    public KeyFieldRecordMapper(KafkaStreamOptions options)
    {
        foreach (var (topic, topicOptions) in options.Topics)
        {
            _routesByTopic[topic] = topicOptions.Streams.Count == 0
                ? [new KafkaStreamRoute { Namespace = topic }]
                : [.. topicOptions.Streams];
        }
    }

    /// <inheritdoc />
    public void Map(KafkaRecord record, ICollection<KafkaStreamEvent> events)
    {
        if (!_routesByTopic.TryGetValue(record.Topic, out var routes))
        {
            throw new InvalidKafkaRecordException($"topic '{record.Topic}' has no stream routes");
        }

        Dictionary<string, string>? fields = null;
        foreach (var route in routes)
        {
            string? key;
            if (route.KeyField is null)
            {
                key = record.Key;
            }
            else
            {
                fields ??= ReadTopLevelScalars(record.Value);
                fields.TryGetValue(route.KeyField, out key);
            }

            if (string.IsNullOrEmpty(key))
            {
                throw new InvalidKafkaRecordException(route.KeyField is null
                    ? $"record has no key for stream namespace '{route.Namespace}'"
                    : $"field '{route.KeyField}' is missing or empty");
            }

            events.Add(new KafkaStreamEvent(StreamId.Create(route.Namespace, key), record));
        }
    }

    // Reads string and number properties of the top-level object; nested values are skipped, not parsed.
    private static Dictionary<string, string> ReadTopLevelScalars(byte[] value)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(value);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidKafkaRecordException("value is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        result[name] = reader.GetString()!;
                        break;
                    case JsonTokenType.Number:
                        result[name] = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            // The position only: the reader's message can quote bytes of the value, and reasons are logged.
            throw new InvalidKafkaRecordException($"value is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})");
        }

        return result;
    }
}
