namespace StreamAnalytics.Abstractions.Features;

/// <summary>How many interactions fell in one product category.</summary>
/// <param name="Category">The category, as producers name it.</param>
/// <param name="Count">Interactions counted for it (an upper bound once the category table is full: see the grains' <c>TopCategories</c>).</param>
[GenerateSerializer, Immutable]
public sealed record CategoryCount([property: Id(0)] string Category, [property: Id(1)] long Count);
