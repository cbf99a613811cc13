using System.Text;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Grains.Tests.Interactions;

public sealed class InteractionEventParserTests
{
    private const string Minimal =
        """{"eventId":"e1","userId":"u1","productId":"p1","type":"view","timestamp":"2024-05-01T10:00:00Z"}""";

    private readonly InteractionEventParser _parser = new();

    private InteractionParseResult Parse(string json) => _parser.Parse(Encoding.UTF8.GetBytes(json));

    private string Reason(string json)
    {
        var result = Parse(json);
        Assert.False(result.IsValid, $"expected a rejection of {json}");
        return result.Reason;
    }

    /// <summary>The minimal record with <paramref name="field"/> set (or added) to the raw JSON <paramref name="rawValue"/>.</summary>
    private static string With(string field, string rawValue)
    {
        var start = Minimal.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return Minimal[..^1] + $",\"{field}\":{rawValue}}}";
        }

        var valueStart = start + field.Length + 3;
        var valueEnd = Minimal.IndexOfAny([',', '}'], valueStart);
        return Minimal[..valueStart] + rawValue + Minimal[valueEnd..];
    }

    private static string Without(string field)
    {
        var start = Minimal.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        var end = Minimal.IndexOfAny([',', '}'], Minimal.IndexOf(':', start) + 1);
        // Strip the member and one adjacent comma.
        var json = Minimal.Remove(start, end - start);
        return json.Replace(",,", ",", StringComparison.Ordinal).Replace("{,", "{", StringComparison.Ordinal).Replace(",}", "}", StringComparison.Ordinal);
    }

    [Fact]
    public void Minimal_event_is_accepted_with_its_fields()
    {
        var result = Parse(Minimal);

        Assert.True(result.IsValid);
        Assert.Null(result.Reason);
        var e = result.Event;
        Assert.Equal("e1", e.EventId);
        Assert.Equal("u1", e.UserId);
        Assert.Equal("p1", e.ProductId);
        Assert.Equal(InteractionType.View, e.Type);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), e.Timestamp);
        Assert.Null(e.Rating);
        Assert.Null(e.Price);
        Assert.Null(e.Quantity);
        Assert.Null(e.Category);
        Assert.Null(e.ReviewText);
    }

    [Fact]
    public void Full_event_is_accepted_with_every_optional_field()
    {
        var result = Parse("""
            {"eventId":"e2","userId":"u2","productId":"p2","type":"review","timestamp":"2024-05-01T12:30:15.250+02:00",
             "rating":4.5,"price":19.99,"quantity":3,"category":"books","reviewText":"Good read"}
            """);

        Assert.True(result.IsValid);
        var e = result.Event;
        Assert.Equal(InteractionType.Review, e.Type);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 30, 15, 250, TimeSpan.Zero), e.Timestamp);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
        Assert.Equal(4.5, e.Rating);
        Assert.Equal(19.99m, e.Price);
        Assert.Equal(3, e.Quantity);
        Assert.Equal("books", e.Category);
        Assert.Equal("Good read", e.ReviewText);
    }

    [Theory]
    [InlineData("view", InteractionType.View)]
    [InlineData("like", InteractionType.Like)]
    [InlineData("add_to_cart", InteractionType.AddToCart)]
    [InlineData("purchase", InteractionType.Purchase)]
    [InlineData("review", InteractionType.Review)]
    [InlineData("rating", InteractionType.Rating)]
    public void Every_wire_type_name_maps_to_its_type(string name, InteractionType expected)
    {
        var result = Parse(Minimal.Replace("\"view\"", $"\"{name}\"", StringComparison.Ordinal));

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Event.Type);
    }

    [Fact]
    public void Unknown_properties_are_ignored()
    {
        var result = Parse(Minimal.Replace("{", """{"extra":{"nested":[1,2,{"x":null}]},"EVENTID":"other","flag":true,""", StringComparison.Ordinal));

        Assert.True(result.IsValid);
        Assert.Equal("e1", result.Event.EventId);
    }

    [Fact]
    public void Timestamp_without_offset_is_read_as_utc()
    {
        var result = Parse(Minimal.Replace("2024-05-01T10:00:00Z", "2024-05-01T10:00:00", StringComparison.Ordinal));

        Assert.True(result.IsValid);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), result.Event.Timestamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("[{\"eventId\":\"e1\"}]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"eventId\":\"e1\",}")]
    public void Invalid_json_or_a_non_object_is_not_json(string json)
    {
        Assert.Equal(InteractionRejectReasons.NotJson, Reason(json));
    }

    [Fact]
    public void Invalid_utf8_is_not_json()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal);
        bytes[Minimal.IndexOf("u1", StringComparison.Ordinal)] = 0xFF;

        var result = _parser.Parse(bytes);

        Assert.Equal(InteractionRejectReasons.NotJson, result.Reason);
    }

    [Theory]
    [InlineData("eventId", "missing eventId")]
    [InlineData("userId", "missing userId")]
    [InlineData("productId", "missing productId")]
    [InlineData("type", "missing type")]
    [InlineData("timestamp", "missing timestamp")]
    public void An_absent_required_field_is_named(string field, string reason)
    {
        Assert.Equal(reason, Reason(Without(field)));
    }

    [Theory]
    [InlineData("eventId", "null", "missing eventId")]
    [InlineData("eventId", "\"\"", "missing eventId")]
    [InlineData("eventId", "\"   \"", "missing eventId")]
    [InlineData("userId", "null", "missing userId")]
    [InlineData("userId", "\"\"", "missing userId")]
    [InlineData("userId", "\" \\t\"", "missing userId")]
    [InlineData("productId", "null", "missing productId")]
    [InlineData("productId", "\"\"", "missing productId")]
    [InlineData("productId", "\"  \"", "missing productId")]
    [InlineData("type", "null", "missing type")]
    [InlineData("type", "\"\"", "missing type")]
    [InlineData("timestamp", "null", "missing timestamp")]
    public void A_null_or_blank_required_field_is_missing(string field, string rawValue, string reason)
    {
        Assert.Equal(reason, Reason(With(field, rawValue)));
    }

    [Theory]
    [InlineData("\"click\"")]
    [InlineData("\"View\"")]
    [InlineData("\"add-to-cart\"")]
    [InlineData("3")]
    [InlineData("true")]
    public void A_type_outside_the_list_is_unknown(string rawValue)
    {
        Assert.Equal(InteractionRejectReasons.UnknownType, Reason(With("type", rawValue)));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2024-13-01T00:00:00Z\"")]
    [InlineData("\"01/05/2024 10:00\"")]
    [InlineData("\"\"")]
    [InlineData("1714557600")]
    [InlineData("{}")]
    public void A_timestamp_that_is_not_iso_8601_is_invalid(string rawValue)
    {
        Assert.Equal(InteractionRejectReasons.InvalidTimestamp, Reason(With("timestamp", rawValue)));
    }

    [Theory]
    [InlineData("0.99")]
    [InlineData("5.01")]
    [InlineData("-1")]
    [InlineData("10")]
    [InlineData("1e400")]
    public void A_rating_outside_the_default_scale_is_out_of_range(string rawValue)
    {
        Assert.Equal(InteractionRejectReasons.RatingOutOfRange, Reason(With("rating", rawValue)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("3.5")]
    public void A_rating_on_the_scale_bounds_is_accepted(string rawValue)
    {
        Assert.True(Parse(With("rating", rawValue)).IsValid);
    }

    [Fact]
    public void The_rating_scale_is_configurable()
    {
        var parser = new InteractionEventParser(new InteractionValidationOptions { RatingMin = 0, RatingMax = 10 });

        Assert.True(parser.Parse(Encoding.UTF8.GetBytes(With("rating", "10"))).IsValid);
        Assert.True(parser.Parse(Encoding.UTF8.GetBytes(With("rating", "0"))).IsValid);
        Assert.Equal(InteractionRejectReasons.RatingOutOfRange, parser.Parse(Encoding.UTF8.GetBytes(With("rating", "10.5"))).Reason);
    }

    [Fact]
    public void A_negative_price_is_rejected_and_zero_is_accepted()
    {
        Assert.Equal(InteractionRejectReasons.NegativePrice, Reason(With("price", "-0.01")));
        Assert.True(Parse(With("price", "0")).IsValid);
    }

    [Fact]
    public void A_negative_quantity_is_rejected_and_zero_is_accepted()
    {
        Assert.Equal(InteractionRejectReasons.NegativeQuantity, Reason(With("quantity", "-1")));
        Assert.True(Parse(With("quantity", "0")).IsValid);
    }

    [Fact]
    public void The_user_profile_age_and_location_is_read_when_present()
    {
        var e = Parse(With("age", "34").Replace("}", ",\"location\":\"Ohio\"}", StringComparison.Ordinal)).Event!;

        Assert.Equal(34, e.Age);
        Assert.Equal("Ohio", e.Location);
        Assert.Null(Parse(Minimal).Event!.Age);
    }

    [Theory]
    [InlineData("-1", "age out of range")]
    [InlineData("151", "age out of range")]
    [InlineData("34.5", "invalid age")]
    [InlineData("\"34\"", "invalid age")]
    public void An_age_outside_0_to_150_or_not_a_whole_number_is_rejected(string rawAge, string reason)
    {
        Assert.Equal(reason, Reason(With("age", rawAge)));
        Assert.True(Parse(With("age", "0")).IsValid);
        Assert.True(Parse(With("age", "150")).IsValid);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("userId")]
    [InlineData("productId")]
    public void An_id_longer_than_256_characters_is_too_long(string field)
    {
        Assert.Equal(InteractionRejectReasons.IdTooLong, Reason(With(field, $"\"{new string('x', 257)}\"")));
        Assert.True(Parse(With(field, $"\"{new string('x', 256)}\"")).IsValid);
    }

    [Theory]
    [InlineData("rating", "\"five\"", "invalid rating")]
    [InlineData("price", "\"cheap\"", "invalid price")]
    [InlineData("quantity", "1.5", "invalid quantity")]
    [InlineData("quantity", "\"2\"", "invalid quantity")]
    [InlineData("quantity", "10000000000", "invalid quantity")]
    [InlineData("price", "1e30", "invalid price")]
    [InlineData("userId", "42", "invalid userId")]
    [InlineData("category", "[\"a\"]", "invalid category")]
    public void A_known_field_of_the_wrong_kind_is_named(string field, string rawValue, string reason)
    {
        Assert.Equal(reason, Reason(With(field, rawValue)));
    }

    [Fact]
    public void A_record_of_exactly_64_KiB_is_parsed_and_one_byte_more_is_too_large()
    {
        var exact = Padded(65536);
        var over = Padded(65537);

        Assert.Equal(65536, exact.Length);
        Assert.True(_parser.Parse(exact).IsValid);
        Assert.Equal(65537, over.Length);
        Assert.Equal(InteractionRejectReasons.RecordTooLarge, _parser.Parse(over).Reason);
    }

    [Fact]
    public void Size_is_checked_before_parsing()
    {
        var garbage = new byte[65537];

        Assert.Equal(InteractionRejectReasons.RecordTooLarge, _parser.Parse(garbage).Reason);
    }

    [Fact]
    public void The_size_limit_is_configurable()
    {
        var parser = new InteractionEventParser(new InteractionValidationOptions { MaxRecordBytes = 50 });

        Assert.Equal(InteractionRejectReasons.RecordTooLarge, parser.Parse(Encoding.UTF8.GetBytes(Minimal)).Reason);
    }

    [Fact]
    public void Unusable_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new InteractionEventParser(new InteractionValidationOptions { RatingMin = 5, RatingMax = 1 }));
        Assert.Throws<ArgumentException>(() => new InteractionEventParser(new InteractionValidationOptions { MaxRecordBytes = 0 }));
        Assert.Throws<ArgumentException>(() => new InteractionEventParser(new InteractionValidationOptions { MaxIdLength = 0 }));
    }

    [Fact]
    public void Checks_run_in_the_documented_order()
    {
        Assert.Equal(InteractionRejectReasons.MissingEventId, Reason("{}"));
        Assert.Equal(InteractionRejectReasons.MissingUserId, Reason("""{"eventId":"e","type":"nope"}"""));
        Assert.Equal(InteractionRejectReasons.MissingType, Reason("""{"eventId":"e","userId":"u","productId":"p","rating":9}"""));
        Assert.Equal(InteractionRejectReasons.RatingOutOfRange, Reason(With("rating", "9").Replace("\"e1\"", "\"e1\",\"price\":-1", StringComparison.Ordinal)));
    }

    private static byte[] Padded(int size)
    {
        // The minimal record with a reviewText long enough to make the whole record exactly `size` bytes.
        var prefix = Minimal[..^1] + ",\"reviewText\":\"";
        const string Suffix = "\"}";
        var padding = size - Encoding.UTF8.GetByteCount(prefix) - Suffix.Length;
        return Encoding.UTF8.GetBytes(prefix + new string('a', padding) + Suffix);
    }
}
