using System.Diagnostics;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Grains.Features;
using StreamAnalytics.Grains.Placement;
using StreamAnalytics.Grains.Ratings;
using StreamAnalytics.Grains.Streaming;
using StreamAnalytics.Inference.Rating;

namespace StreamAnalytics.Grains;

/// <summary>
/// One product: keeps the features from the <c>product</c>/{productId} stream; with a rating model loaded, learns the
/// product's online bias from each rating it receives (predicted first, then learnt); offers itself to the
/// recommendation candidates every <see cref="RatingServingOptions.CandidateOfferInterval"/> while it sees events.
/// </summary>
[ImplicitStreamSubscription(StreamNames.ProductNamespace)]
[WorkerPlacementFilter]
public sealed class ProductGrain(
    [PersistentState("product")] IPersistentState<FeatureState<ProductFeatures>> state,
    FeatureInstruments instruments,
    RatingScorer scorer,
    RatingContextCache contexts,
    IOptions<RatingServingOptions> ratingOptions)
    : FeatureGrain<ProductFeatures, ProductFeaturesView>(state, instruments), IProductGrain
{
    private long? _lastOffer;

    protected override string StreamNamespace => StreamNames.ProductNamespace;

    private string ProductId => this.GetPrimaryKeyString();

    public Task<ProductRatingContext> GetRatingContext() =>
        Task.FromResult(new ProductRatingContext(CurrentView(), State.Rating.Bias.Value, State.Rating.BiasVersion));

    protected override bool CapturesRatings => scorer.ActiveVersion is not null;

    protected override async Task AfterAppliedAsync(IReadOnlyList<InteractionEvent> applied, IReadOnlyList<(InteractionEvent Rating, ProductFeaturesView? Before)> ratings)
    {
        if (ratings.Count > 0 && scorer.ActiveVersion is not null)
        {
            await LearnAsync(ratings);
        }

        var options = ratingOptions.Value;
        if (_lastOffer is not { } last || Stopwatch.GetElapsedTime(last) >= options.CandidateOfferInterval)
        {
            _lastOffer = Stopwatch.GetTimestamp();
            var context = await GetRatingContext();
            var candidate = new CandidateProduct(ProductId, context, State.Features.EventsApplied, context.Features?.Trending ?? 0);
            await GrainFactory.GetGrain<ICandidateProductsGrain>(ICandidateProductsGrain.Key).Offer(candidate);
        }
    }

    private async Task LearnAsync(IReadOnlyList<(InteractionEvent Rating, ProductFeaturesView? Before)> ratings)
    {
        var users = await Task.WhenAll(ratings.Select(r => contexts.UserAsync(r.Rating.UserId)));
        var queries = ratings.Select((r, i) => new RatingQuery(r.Rating.UserId, users[i].Features, ProductId, r.Before)).ToArray();
        if (scorer.Score(queries) is not { } scores)
        {
            return;
        }

        var options = ratingOptions.Value;
        for (var i = 0; i < ratings.Count; i++)
        {
            var userBias = string.Equals(users[i].ModelVersion, scores.ModelVersion, StringComparison.Ordinal) ? users[i].Bias : 0f;
            var online = scores.WithBiases(i, userBias, State.Rating.BiasFor(scores.ModelVersion));
            State.Rating.Learn(scores.ModelVersion, (float)ratings[i].Rating.Rating!.Value - online, options.OnlineLearningRate, options.OnlineRegularization);
        }
    }
}
