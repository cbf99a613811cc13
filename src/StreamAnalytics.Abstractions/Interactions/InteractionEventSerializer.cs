using System.Text.Json;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// Writes an <see cref="InteractionEvent"/> as canonical UTF-8 JSON: camelCase, wire names for <c>type</c>,
/// ISO-8601 timestamps, absent optional fields left out. <see cref="InteractionEventParser"/> reads it back to an
/// equal event.
/// </summary>
public static class InteractionEventSerializer
{
    /// <summary>The event as UTF-8 JSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return JsonSerializer.SerializeToUtf8Bytes(ToRecord(interaction), InteractionJsonContext.Default.InteractionRecord);
    }

    /// <summary>The event as a JSON string.</summary>
    public static string Serialize(InteractionEvent interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return JsonSerializer.Serialize(ToRecord(interaction), InteractionJsonContext.Default.InteractionRecord);
    }

    private static InteractionRecord ToRecord(InteractionEvent interaction) => new()
    {
        EventId = interaction.EventId,
        UserId = interaction.UserId,
        ProductId = interaction.ProductId,
        Type = InteractionTypeNames.ToName(interaction.Type),
        Timestamp = new JsonTimestamp(interaction.Timestamp),
        Rating = interaction.Rating,
        Price = interaction.Price,
        Quantity = interaction.Quantity,
        Category = interaction.Category,
        ReviewText = interaction.ReviewText,
        Age = interaction.Age,
        Location = interaction.Location,
    };
}
