using System.Text.Json;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// Turns one UTF-8 JSON interaction record into a validated <see cref="InteractionEvent"/>, or says why not with
/// one of <see cref="InteractionRejectReasons"/>. Unknown properties are ignored. Checks, in order: size (before
/// parsing), JSON, <c>eventId</c>, <c>userId</c>, <c>productId</c>, id lengths, <c>type</c>, <c>timestamp</c>,
/// <c>rating</c>, <c>price</c>, <c>quantity</c>, <c>age</c>. Thread-safe; never throws on bad input.
/// </summary>
public sealed class InteractionEventParser
{
    private static readonly string[] _fieldNames =
        ["eventId", "userId", "productId", "type", "timestamp", "rating", "price", "quantity", "category", "reviewText", "age", "location"];

    private readonly InteractionValidationOptions _options;

    /// <summary>Creates a parser with the given limits (the defaults of <see cref="InteractionValidationOptions"/> when null).</summary>
    /// <exception cref="ArgumentException">The options are unusable.</exception>
    public InteractionEventParser(InteractionValidationOptions? options = null)
    {
        _options = options ?? new InteractionValidationOptions();
        _options.Validate();
    }

    /// <summary>The limits this parser checks (the rating scale among them).</summary>
    public InteractionValidationOptions Options => _options;

    /// <summary>Parses and validates one record.</summary>
    public InteractionParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > _options.MaxRecordBytes)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.RecordTooLarge);
        }

        InteractionRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(utf8Json, InteractionJsonContext.Default.InteractionRecord);
        }
        catch (JsonException)
        {
            return InteractionParseResult.Rejected(Diagnose(utf8Json));
        }

        return record is null
            ? InteractionParseResult.Rejected(InteractionRejectReasons.NotJson)
            : Validate(record);
    }

    /// <summary>Parses and validates one record.</summary>
    public InteractionParseResult Parse(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Parse(utf8Json.AsSpan());
    }

    private InteractionParseResult Validate(InteractionRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.EventId))
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.MissingEventId);
        }

        if (string.IsNullOrWhiteSpace(record.UserId))
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.MissingUserId);
        }

        if (string.IsNullOrWhiteSpace(record.ProductId))
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.MissingProductId);
        }

        if (record.EventId.Length > _options.MaxIdLength
            || record.UserId.Length > _options.MaxIdLength
            || record.ProductId.Length > _options.MaxIdLength)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.IdTooLong);
        }

        if (string.IsNullOrWhiteSpace(record.Type))
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.MissingType);
        }

        if (!InteractionTypeNames.TryParse(record.Type, out var type))
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.UnknownType);
        }

        if (record.Timestamp is not { } timestamp)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.MissingTimestamp);
        }

        if (timestamp.Value is not { } instant)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.InvalidTimestamp);
        }

        if (record.Rating is { } rating && (rating < _options.RatingMin || rating > _options.RatingMax))
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.RatingOutOfRange);
        }

        if (record.Price < 0)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.NegativePrice);
        }

        if (record.Quantity < 0)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.NegativeQuantity);
        }

        if (record.Age is < InteractionValidationOptions.AgeMin or > InteractionValidationOptions.AgeMax)
        {
            return InteractionParseResult.Rejected(InteractionRejectReasons.AgeOutOfRange);
        }

        return InteractionParseResult.Accepted(new InteractionEvent
        {
            EventId = record.EventId,
            UserId = record.UserId,
            ProductId = record.ProductId,
            Type = type,
            Timestamp = instant,
            Rating = record.Rating,
            Price = record.Price,
            Quantity = record.Quantity,
            Category = record.Category,
            ReviewText = record.ReviewText,
            Age = record.Age,
            Location = record.Location,
        });
    }

    /// <summary>
    /// The typed read failed: either the bytes are not a JSON object, or a known field has the wrong kind.
    /// Only rejected records pay for this second look.
    /// </summary>
    private static string Diagnose(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        JsonElement root;
        try
        {
            if (!JsonElement.TryParseValue(ref reader, out var parsed) || parsed is not { } element)
            {
                return InteractionRejectReasons.NotJson;
            }

            root = element;
        }
        catch (JsonException)
        {
            return InteractionRejectReasons.NotJson;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return InteractionRejectReasons.NotJson;
        }

        foreach (var name in _fieldNames)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && !Fits(name, value))
            {
                return name == "type" ? InteractionRejectReasons.UnknownType : InteractionRejectReasons.Invalid(name);
            }
        }

        return InteractionRejectReasons.NotJson;
    }

    private static bool Fits(string name, JsonElement value) => name switch
    {
        "rating" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var rating) && double.IsFinite(rating),
        "price" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _),
        "quantity" or "age" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "timestamp" => true,
        _ => value.ValueKind == JsonValueKind.String,
    };
}
