namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// Why <see cref="InteractionEventParser"/> rejects a record. These strings are a contract: they go into the
/// dead-letter topic's headers and the HTTP API's problem details.
/// </summary>
public static class InteractionRejectReasons
{
    /// <summary>The record is not valid JSON, or its root is not an object.</summary>
    public const string NotJson = "not json";

    /// <summary>The record is larger than <see cref="InteractionValidationOptions.MaxRecordBytes"/>.</summary>
    public const string RecordTooLarge = "record too large";

    /// <summary><c>eventId</c> is absent, null, empty or whitespace.</summary>
    public const string MissingEventId = "missing eventId";

    /// <summary><c>userId</c> is absent, null, empty or whitespace.</summary>
    public const string MissingUserId = "missing userId";

    /// <summary><c>productId</c> is absent, null, empty or whitespace.</summary>
    public const string MissingProductId = "missing productId";

    /// <summary>An id is longer than <see cref="InteractionValidationOptions.MaxIdLength"/>.</summary>
    public const string IdTooLong = "id too long";

    /// <summary><c>type</c> is absent, null, empty or whitespace.</summary>
    public const string MissingType = "missing type";

    /// <summary><c>type</c> is not one of <c>view|like|add_to_cart|purchase|review|rating</c> (or not a string).</summary>
    public const string UnknownType = "unknown type";

    /// <summary><c>timestamp</c> is absent or null.</summary>
    public const string MissingTimestamp = "missing timestamp";

    /// <summary><c>timestamp</c> is not an ISO-8601 string.</summary>
    public const string InvalidTimestamp = "invalid timestamp";

    /// <summary><c>rating</c> is outside [<see cref="InteractionValidationOptions.RatingMin"/>, <see cref="InteractionValidationOptions.RatingMax"/>].</summary>
    public const string RatingOutOfRange = "rating out of range";

    /// <summary><c>price</c> is below zero.</summary>
    public const string NegativePrice = "negative price";

    /// <summary><c>quantity</c> is below zero.</summary>
    public const string NegativeQuantity = "negative quantity";

    /// <summary><c>age</c> is outside [<see cref="InteractionValidationOptions.AgeMin"/>, <see cref="InteractionValidationOptions.AgeMax"/>].</summary>
    public const string AgeOutOfRange = "age out of range";

    /// <summary>A known field has the wrong JSON kind (a string where a number belongs, a fractional quantity, ...): "invalid " and the field's name.</summary>
    public static string Invalid(string field) => "invalid " + field;
}
