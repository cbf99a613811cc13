namespace StreamAnalytics.Abstractions.Ratings;

/// <summary>
/// A product offered for recommendation by its grain: its rating context (so ranking needs no call per candidate)
/// and the two scores candidates are chosen by.
/// </summary>
/// <param name="ProductId">The product.</param>
/// <param name="Context">Its features and online bias when offered.</param>
/// <param name="Popularity">Interactions applied, all time.</param>
/// <param name="Trending">The decayed trending score.</param>
[GenerateSerializer, Immutable]
public sealed record CandidateProduct(
    [property: Id(0)] string ProductId,
    [property: Id(1)] ProductRatingContext Context,
    [property: Id(2)] long Popularity,
    [property: Id(3)] double Trending);
