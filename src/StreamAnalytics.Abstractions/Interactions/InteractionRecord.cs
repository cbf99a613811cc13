namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// The wire shape of an interaction record, as read by <see cref="InteractionJsonContext"/> before validation and
/// as written by <see cref="InteractionEventSerializer"/>. Every field is optional here; validation decides.
/// </summary>
internal sealed class InteractionRecord
{
    public string? EventId { get; set; }

    public string? UserId { get; set; }

    public string? ProductId { get; set; }

    public string? Type { get; set; }

    public JsonTimestamp? Timestamp { get; set; }

    public double? Rating { get; set; }

    public decimal? Price { get; set; }

    public int? Quantity { get; set; }

    public string? Category { get; set; }

    public string? ReviewText { get; set; }

    public int? Age { get; set; }

    public string? Location { get; set; }
}
