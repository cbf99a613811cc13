using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// A <c>timestamp</c> field as found on the wire: <see cref="Value"/> is the instant in UTC, or <see langword="null"/>
/// when the field was present but not an ISO-8601 string. Reading never throws, so a bad timestamp is reported as
/// such rather than as "not json".
/// </summary>
[JsonConverter(typeof(JsonTimestampConverter))]
internal readonly record struct JsonTimestamp(DateTimeOffset? Value);

/// <summary>Reads ISO-8601 (System.Text.Json's extended profile); a timestamp without an offset is UTC.</summary>
internal sealed class JsonTimestampConverter : JsonConverter<JsonTimestamp>
{
    public override JsonTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return new JsonTimestamp(null);
        }

        if (!reader.TryGetDateTimeOffset(out var instant))
        {
            return new JsonTimestamp(null);
        }

        // System.Text.Json reads a timestamp without an offset as local time; we read it as UTC so that every
        // silo agrees whatever its time zone.
        if (reader.TryGetDateTime(out var dateTime) && dateTime.Kind == DateTimeKind.Unspecified)
        {
            instant = new DateTimeOffset(dateTime, TimeSpan.Zero);
        }

        return new JsonTimestamp(instant.ToUniversalTime());
    }

    public override void Write(Utf8JsonWriter writer, JsonTimestamp value, JsonSerializerOptions options)
    {
        if (value.Value is { } instant)
        {
            writer.WriteStringValue(instant);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
