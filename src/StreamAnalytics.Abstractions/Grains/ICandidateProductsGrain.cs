using Orleans.Concurrency;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>
/// The candidate set recommendations rank: the most popular and the most trending products, as their grains offer
/// them. One per cluster, key <see cref="Key"/>.
/// </summary>
public interface ICandidateProductsGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one candidate grain: 0.</summary>
    const long Key = 0;

    /// <summary>A product grain's latest scores and context; fire and forget.</summary>
    [OneWay]
    Task Offer(CandidateProduct candidate);

    /// <summary>The current candidates: the top products by popularity and by trending score, without repeats.</summary>
    Task<IReadOnlyList<CandidateProduct>> GetCandidates();
}
