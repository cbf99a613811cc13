using System.Text.Json.Serialization;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>
/// What a user did with a product. On the wire (JSON) each value has a snake_case name:
/// <c>view</c>, <c>like</c>, <c>add_to_cart</c>, <c>purchase</c>, <c>review</c>, <c>rating</c>
/// (see <see cref="InteractionTypeNames"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<InteractionType>))]
public enum InteractionType
{
    /// <summary>The user looked at the product (<c>view</c>).</summary>
    [JsonStringEnumMemberName(InteractionTypeNames.View)]
    View = 0,

    /// <summary>The user liked the product (<c>like</c>).</summary>
    [JsonStringEnumMemberName(InteractionTypeNames.Like)]
    Like = 1,

    /// <summary>The user put the product in their cart (<c>add_to_cart</c>).</summary>
    [JsonStringEnumMemberName(InteractionTypeNames.AddToCart)]
    AddToCart = 2,

    /// <summary>The user bought the product (<c>purchase</c>).</summary>
    [JsonStringEnumMemberName(InteractionTypeNames.Purchase)]
    Purchase = 3,

    /// <summary>The user wrote a review, possibly with a rating (<c>review</c>).</summary>
    [JsonStringEnumMemberName(InteractionTypeNames.Review)]
    Review = 4,

    /// <summary>The user rated the product (<c>rating</c>).</summary>
    [JsonStringEnumMemberName(InteractionTypeNames.Rating)]
    Rating = 5,
}
