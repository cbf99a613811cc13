namespace StreamAnalytics.Abstractions.Models;

/// <summary>The model kinds the registry keeps; each is also the key of its <see cref="IModelRegistryGrain"/>.</summary>
public static class ModelKinds
{
    /// <summary>The rating model.</summary>
    public const string Rating = "rating";

    /// <summary>The face model.</summary>
    public const string Face = "face";

    /// <summary>Every kind, in API order.</summary>
    public static IReadOnlyList<string> All { get; } = [Rating, Face];

    /// <summary>Whether <paramref name="kind"/> is a known kind.</summary>
    public static bool IsKnown(string? kind) => kind is Rating or Face;
}
