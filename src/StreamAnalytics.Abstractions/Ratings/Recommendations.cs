namespace StreamAnalytics.Abstractions.Ratings;

/// <summary>A user's top products by predicted rating.</summary>
/// <param name="ModelVersion">The version of the model that ranked them.</param>
/// <param name="Items">Best first.</param>
[GenerateSerializer, Immutable]
public sealed record Recommendations(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] IReadOnlyList<RecommendedProduct> Items);

/// <summary>One recommended product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Rating">Its predicted rating for the user.</param>
[GenerateSerializer, Immutable]
public sealed record RecommendedProduct(
    [property: Id(0)] string ProductId,
    [property: Id(1)] float Rating);
