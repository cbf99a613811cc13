using System.Globalization;
using System.Text.Json;

namespace StreamAnalytics.Cli.Replay;

/// <summary>
/// Writes one row of a file as an interaction record, field for field and without judging it: a row the contract
/// rejects (an empty type, an unreadable date) still goes to Kafka, where the pipeline dead-letters it with the
/// reason, so a replay never silently loses a row.
/// </summary>
internal static class InteractionRowWriter
{
    public static byte[] Write(IReadOnlyDictionary<string, string?> fields, IReadOnlyDictionary<string, string>? extras = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteText(json, "eventId", fields, "event");
            WriteText(json, "userId", fields, "user");
            WriteText(json, "productId", fields, "product");
            WriteText(json, "type", fields, "type");
            WriteText(json, "timestamp", fields, "timestamp");
            WriteNumber(json, "rating", fields, "rating");
            WriteNumber(json, "price", fields, "price");
            WriteNumber(json, "quantity", fields, "quantity");
            WriteText(json, "category", fields, "category", omitEmpty: true);
            WriteText(json, "reviewText", fields, "review", omitEmpty: true);
            foreach (var (name, value) in extras ?? new Dictionary<string, string>())
            {
                // The contract's age is a number; every other joined field is text.
                if (name == "age" && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age))
                {
                    json.WriteNumber(name, age);
                }
                else
                {
                    json.WriteString(name, value);
                }
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteText(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string?> fields, string field, bool omitEmpty = false)
    {
        var value = fields.GetValueOrDefault(field);
        if (value is null || (omitEmpty && value.Length == 0))
        {
            return;
        }

        json.WriteString(name, value);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string?> fields, string field)
    {
        var value = fields.GetValueOrDefault(field)?.Trim().TrimStart('$');
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, value); // the contract rejects it, with the field named
        }
    }
}
