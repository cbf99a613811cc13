using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Grains.Ratings;

/// <summary>
/// Keeps the recommendation candidates in memory from the product grains' periodic offers. Nothing is persisted: after
/// a restart the set refills within one offer interval as products see events.
/// </summary>
public sealed class CandidateProductsGrain(IOptions<RatingServingOptions> options) : Grain, ICandidateProductsGrain
{
    private readonly CandidateSet _set = new(options.Value.CandidatesPerList);

    public Task Offer(CandidateProduct candidate)
    {
        _set.Offer(candidate);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CandidateProduct>> GetCandidates() => Task.FromResult(_set.Candidates());
}
