namespace StreamAnalytics.Grains.Ratings;

/// <summary>
/// How the user and product grains use the rating model, bound from the <c>Ratings</c> section.
/// <code>"Ratings": { "PredictOnEvents": true, "RecentPredictions": 20, "MaxPredictionsPerBatch": 8, "ContextMaxAge": "00:00:01",
///   "CandidateOfferInterval": "00:00:05", "CandidatesPerList": 50, "OnlineLearningRate": 0.05, "OnlineRegularization": 0.02 }</code>
/// </summary>
public sealed class RatingServingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Ratings";

    /// <summary>Predict the rating of each product a user views, likes or carts, as the events arrive. Defaults to true.</summary>
    public bool PredictOnEvents { get; set; } = true;

    /// <summary>Predictions a user grain keeps (<c>GET /api/users/{id}/predictions</c>). Defaults to 20.</summary>
    public int RecentPredictions { get; set; } = 20;

    /// <summary>
    /// At most this many distinct products are predicted per delivered batch of a user's events (the latest ones), so
    /// a burst costs one bounded model call. Defaults to 8.
    /// </summary>
    public int MaxPredictionsPerBatch { get; set; } = 8;

    /// <summary>
    /// How old another grain's features may be when a stream event is scored (fetched again after this; API calls
    /// always fetch). Defaults to 1 second.
    /// </summary>
    public TimeSpan ContextMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a product grain offers itself to the candidate set. Defaults to 5 seconds.</summary>
    public TimeSpan CandidateOfferInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Candidates kept per list (most popular, most trending). Defaults to 50.</summary>
    public int CandidatesPerList { get; set; } = 50;

    /// <summary>Learning rate of the online biases. Defaults to <see cref="Abstractions.Ratings.OnlineBias.DefaultLearningRate"/> (0.05).</summary>
    public float OnlineLearningRate { get; set; } = Abstractions.Ratings.OnlineBias.DefaultLearningRate;

    /// <summary>L2 pull of the online biases toward 0. Defaults to <see cref="Abstractions.Ratings.OnlineBias.DefaultRegularization"/> (0.02).</summary>
    public float OnlineRegularization { get; set; } = Abstractions.Ratings.OnlineBias.DefaultRegularization;

    /// <summary>The problems with these options; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (RecentPredictions is < 0 or > 1000)
        {
            yield return "Ratings:RecentPredictions must be within [0, 1000].";
        }

        if (MaxPredictionsPerBatch is < 1 or > 256)
        {
            yield return "Ratings:MaxPredictionsPerBatch must be within [1, 256].";
        }

        if (ContextMaxAge < TimeSpan.Zero || CandidateOfferInterval < TimeSpan.Zero)
        {
            yield return "Ratings:ContextMaxAge and Ratings:CandidateOfferInterval must not be negative.";
        }

        if (CandidatesPerList is < 1 or > 1000)
        {
            yield return "Ratings:CandidatesPerList must be within [1, 1000].";
        }

        if (!float.IsFinite(OnlineLearningRate) || OnlineLearningRate < 0 || !float.IsFinite(OnlineRegularization) || OnlineRegularization < 0)
        {
            yield return "Ratings:OnlineLearningRate and Ratings:OnlineRegularization must be finite and not negative.";
        }
    }
}
