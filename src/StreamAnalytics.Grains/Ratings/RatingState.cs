using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Grains.Ratings;

/// <summary>
/// What a feature grain keeps for the rating model, stored with its features: the entity's online bias with the
/// model version it was learnt against (a new version starts from 0, as the bias corrected the old one), and for
/// users the latest predictions.
/// </summary>
[GenerateSerializer]
public sealed class RatingState
{
    /// <summary>The online correction learnt since <see cref="BiasVersion"/> went live.</summary>
    [Id(0)]
    public OnlineBias Bias { get; set; } = new();

    /// <summary>The model version <see cref="Bias"/> was learnt against; null before the first rating.</summary>
    [Id(1)]
    public string? BiasVersion { get; set; }

    /// <summary>The latest predictions, newest first (users only).</summary>
    [Id(2)]
    public List<RatingPrediction> Recent { get; set; } = [];

    /// <summary>The bias to add to a prediction of <paramref name="version"/>: 0 when it was learnt against another.</summary>
    public float BiasFor(string version) => string.Equals(BiasVersion, version, StringComparison.Ordinal) ? Bias.Value : 0f;

    /// <summary>Learns one rating's error against <paramref name="version"/>, starting afresh when the version changed.</summary>
    public void Learn(string version, float error, float learningRate, float regularization)
    {
        if (!string.Equals(BiasVersion, version, StringComparison.Ordinal))
        {
            Bias = new OnlineBias();
            BiasVersion = version;
        }

        Bias.Learn(error, learningRate, regularization);
    }

    /// <summary>Adds predictions given in the order they were made (oldest first); keeps the newest <paramref name="keep"/>, newest first.</summary>
    public void Remember(IEnumerable<RatingPrediction> predictions, int keep)
    {
        Recent.InsertRange(0, predictions.Reverse());
        if (Recent.Count > keep)
        {
            Recent.RemoveRange(keep, Recent.Count - keep);
        }
    }
}
