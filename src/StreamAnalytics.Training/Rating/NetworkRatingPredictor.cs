using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// A trained <see cref="RatingNetwork"/> as the evaluation sees it: ids are mapped through the training vocabularies
/// (unknown ids to row 0) and batches go through one clipped forward pass.
/// </summary>
public sealed class NetworkRatingPredictor(RatingTrainingResult trained) : IRatingPredictor
{
    private readonly Dictionary<string, long> _users = RatingVocabulary.Rows(trained.UserIds);
    private readonly Dictionary<string, long> _products = RatingVocabulary.Rows(trained.ProductIds);

    /// <inheritdoc />
    public float Predict(RatingExample example)
    {
        Span<float> one = stackalloc float[1];
        PredictBatch([example], one);
        return one[0];
    }

    /// <inheritdoc />
    public void PredictBatch(IReadOnlyList<RatingExample> examples, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(examples);
        // Bounded batches keep the forward pass's tensors small whatever the split size.
        foreach (var batch in RatingInputBatch.Of(examples, 8192, trained.Network.FeatureCount, _users.GetValueOrDefault, _products.GetValueOrDefault))
        {
            trained.Network.Predict(batch.Users, batch.Products, batch.Features).AsSpan().CopyTo(destination[batch.Start..]);
        }
    }
}
