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
        var featureCount = trained.Network.FeatureCount;
        // Bounded batches keep the forward pass's tensors small whatever the split size.
        const int Batch = 8192;
        for (var start = 0; start < examples.Count; start += Batch)
        {
            var count = Math.Min(Batch, examples.Count - start);
            var users = new long[count];
            var products = new long[count];
            var features = new float[count * featureCount];
            for (var i = 0; i < count; i++)
            {
                var example = examples[start + i];
                users[i] = _users.GetValueOrDefault(example.UserId);
                products[i] = _products.GetValueOrDefault(example.ProductId);
                example.Features.AsSpan().CopyTo(features.AsSpan(i * featureCount, featureCount));
            }

            trained.Network.Predict(users, products, features).AsSpan().CopyTo(destination[start..]);
        }
    }
}
