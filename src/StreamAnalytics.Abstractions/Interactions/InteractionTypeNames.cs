using System.Diagnostics.CodeAnalysis;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>The wire names of <see cref="InteractionType"/> values, and the exact (case-sensitive) mapping both ways.</summary>
public static class InteractionTypeNames
{
    /// <summary>Wire name of <see cref="InteractionType.View"/>.</summary>
    public const string View = "view";

    /// <summary>Wire name of <see cref="InteractionType.Like"/>.</summary>
    public const string Like = "like";

    /// <summary>Wire name of <see cref="InteractionType.AddToCart"/>.</summary>
    public const string AddToCart = "add_to_cart";

    /// <summary>Wire name of <see cref="InteractionType.Purchase"/>.</summary>
    public const string Purchase = "purchase";

    /// <summary>Wire name of <see cref="InteractionType.Review"/>.</summary>
    public const string Review = "review";

    /// <summary>Wire name of <see cref="InteractionType.Rating"/>.</summary>
    public const string Rating = "rating";

    /// <summary>Every type, in declaration order (the order of <see cref="InteractionType"/>'s values).</summary>
    public static IReadOnlyList<InteractionType> All { get; } =
    [
        InteractionType.View,
        InteractionType.Like,
        InteractionType.AddToCart,
        InteractionType.Purchase,
        InteractionType.Review,
        InteractionType.Rating,
    ];

    /// <summary>The wire name of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="InteractionType"/>.</exception>
    public static string ToName(InteractionType type) => type switch
    {
        InteractionType.View => View,
        InteractionType.Like => Like,
        InteractionType.AddToCart => AddToCart,
        InteractionType.Purchase => Purchase,
        InteractionType.Review => Review,
        InteractionType.Rating => Rating,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an interaction type."),
    };

    /// <summary>Maps a wire name to its type. Matching is exact: <c>"View"</c> is not <c>"view"</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out InteractionType type)
    {
        switch (name)
        {
            case View: type = InteractionType.View; return true;
            case Like: type = InteractionType.Like; return true;
            case AddToCart: type = InteractionType.AddToCart; return true;
            case Purchase: type = InteractionType.Purchase; return true;
            case Review: type = InteractionType.Review; return true;
            case Rating: type = InteractionType.Rating; return true;
            default: type = default; return false;
        }
    }
}
