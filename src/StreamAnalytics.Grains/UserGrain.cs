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
/// One user: keeps the features from the <c>user</c>/{userId} stream; with a rating model loaded, predicts the rating
/// of each product the user views, likes or carts (with the freshest features of both), learns the user's online bias
/// from each rating (predicted first, then learnt), and ranks recommendation candidates.
/// </summary>
[ImplicitStreamSubscription(StreamNames.UserNamespace)]
[WorkerPlacementFilter]
public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<FeatureState<UserFeatures>> state,
    FeatureInstruments instruments,
    RatingScorer scorer,
    RatingInstruments ratingInstruments,
    RatingContextCache contexts,
    IOptions<RatingServingOptions> ratingOptions)
    : FeatureGrain<UserFeatures, UserFeaturesView>(state, instruments), IUserGrain
{

    protected override string StreamNamespace => StreamNames.UserNamespace;

    private string UserId => this.GetPrimaryKeyString();

    public async Task<RatingPrediction?> PredictRating(string productId)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        // The API asks for the freshest features: the product's grain is asked directly, not the cache.
        var product = await GrainFactory.GetGrain<IProductGrain>(productId).GetRatingContext();
        if (scorer.Score([new RatingQuery(UserId, CurrentView(), productId, product.Features)]) is not { } scores)
        {
            return null;
        }

        var rating = scores.WithBiases(0, State.Rating.BiasFor(scores.ModelVersion), BiasFor(product, scores.ModelVersion));
        return new RatingPrediction(productId, rating, scores.ModelVersion, DateTimeOffset.UtcNow);
    }

    public async Task<Recommendations?> Recommend(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var candidates = await contexts.CandidatesAsync();
        var user = CurrentView();
        var queries = candidates.Select(c => new RatingQuery(UserId, user, c.ProductId, c.Context.Features)).ToArray();
        if (scorer.Score(queries) is not { } scores)
        {
            return null;
        }

        var userBias = State.Rating.BiasFor(scores.ModelVersion);
        var ranked = candidates
            .Select((c, i) => new RecommendedProduct(c.ProductId, scores.WithBiases(i, userBias, BiasFor(c.Context, scores.ModelVersion))))
            .OrderByDescending(r => r.Rating).ThenBy(r => r.ProductId, StringComparer.Ordinal)
            .Take(k)
            .ToList();
        return new Recommendations(scores.ModelVersion, ranked);
    }

    public Task<IReadOnlyList<RatingPrediction>> GetRecentPredictions() =>
        Task.FromResult<IReadOnlyList<RatingPrediction>>([.. State.Rating.Recent]);

    public Task<UserRatingContext> GetRatingContext() =>
        Task.FromResult(new UserRatingContext(CurrentView(), State.Rating.Bias.Value, State.Rating.BiasVersion));

    protected override bool CapturesRatings => scorer.ActiveVersion is not null;

    protected override async Task AfterAppliedAsync(IReadOnlyList<InteractionEvent> applied, IReadOnlyList<(InteractionEvent Rating, UserFeaturesView? Before)> ratings)
    {
        if (scorer.ActiveVersion is null)
        {
            return;
        }

        if (ratings.Count > 0)
        {
            await LearnAsync(ratings);
        }

        if (ratingOptions.Value.PredictOnEvents)
        {
            await PredictBrowsedAsync(applied);
        }
    }

    // Prequential: each rating is predicted with the features before it and the current biases, then the user's bias
    // takes one SGD step on the error. Both errors are recorded, so the dashboard shows what online learning gains.
    private async Task LearnAsync(IReadOnlyList<(InteractionEvent Rating, UserFeaturesView? Before)> ratings)
    {
        var products = await Task.WhenAll(ratings.Select(r => contexts.ProductAsync(r.Rating.ProductId)));
        var queries = ratings.Select((r, i) => new RatingQuery(UserId, r.Before, r.Rating.ProductId, products[i].Features)).ToArray();
        if (scorer.Score(queries) is not { } scores)
        {
            return;
        }

        var options = ratingOptions.Value;
        for (var i = 0; i < ratings.Count; i++)
        {
            var actual = (float)ratings[i].Rating.Rating!.Value;
            var online = scores.WithBiases(i, State.Rating.BiasFor(scores.ModelVersion), BiasFor(products[i], scores.ModelVersion));
            State.Rating.Learn(scores.ModelVersion, actual - online, options.OnlineLearningRate, options.OnlineRegularization);
            ratingInstruments.RecordOnlineError(actual - scores.Ratings[i], actual - online);
        }
    }

    // The latest distinct products browsed in this batch, newest first, in one model call.
    private async Task PredictBrowsedAsync(IReadOnlyList<InteractionEvent> applied)
    {
        var options = ratingOptions.Value;
        var browsed = new List<string>(options.MaxPredictionsPerBatch);
        for (var i = applied.Count - 1; i >= 0 && browsed.Count < options.MaxPredictionsPerBatch; i--)
        {
            if (applied[i].Type is InteractionType.View or InteractionType.Like or InteractionType.AddToCart
                && !browsed.Contains(applied[i].ProductId, StringComparer.Ordinal))
            {
                browsed.Add(applied[i].ProductId);
            }
        }

        if (browsed.Count == 0)
        {
            return;
        }

        var products = await Task.WhenAll(browsed.Select(contexts.ProductAsync));
        var user = CurrentView();
        var queries = browsed.Select((id, i) => new RatingQuery(UserId, user, id, products[i].Features)).ToArray();
        if (scorer.Score(queries) is not { } scores)
        {
            return;
        }

        var userBias = State.Rating.BiasFor(scores.ModelVersion);
        var now = DateTimeOffset.UtcNow;
        State.Rating.Remember(
            browsed.Select((id, i) => new RatingPrediction(id, scores.WithBiases(i, userBias, BiasFor(products[i], scores.ModelVersion)), scores.ModelVersion, now)).Reverse(),
            options.RecentPredictions);
    }

    private static float BiasFor(ProductRatingContext product, string version) =>
        string.Equals(product.ModelVersion, version, StringComparison.Ordinal) ? product.Bias : 0f;
}
