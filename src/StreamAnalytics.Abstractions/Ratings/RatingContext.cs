using StreamAnalytics.Abstractions.Features;

namespace StreamAnalytics.Abstractions.Ratings;

/// <summary>What the rating model needs of a user from the user's grain: the features and the online bias.</summary>
/// <param name="Features">The user's features; null when no event of the user was applied.</param>
/// <param name="Bias">The user's online bias for <paramref name="ModelVersion"/>; 0 when none was learnt.</param>
/// <param name="ModelVersion">The model version the bias was learnt against; null when none.</param>
[GenerateSerializer, Immutable]
public sealed record UserRatingContext(
    [property: Id(0)] UserFeaturesView? Features,
    [property: Id(1)] float Bias,
    [property: Id(2)] string? ModelVersion);

/// <summary>What the rating model needs of a product from the product's grain: the features and the online bias.</summary>
/// <param name="Features">The product's features; null when no event of the product was applied.</param>
/// <param name="Bias">The product's online bias for <paramref name="ModelVersion"/>; 0 when none was learnt.</param>
/// <param name="ModelVersion">The model version the bias was learnt against; null when none.</param>
[GenerateSerializer, Immutable]
public sealed record ProductRatingContext(
    [property: Id(0)] ProductFeaturesView? Features,
    [property: Id(1)] float Bias,
    [property: Id(2)] string? ModelVersion);
