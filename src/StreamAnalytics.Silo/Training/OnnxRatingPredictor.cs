using StreamAnalytics.Inference.Rating;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// An exported rating model as the evaluation sees it: the ONNX bytes loaded the way serving loads them, so the gate
/// scores exactly what a silo would serve (candidate and active alike).
/// </summary>
internal sealed class OnnxRatingPredictor(RatingModel model) : IRatingPredictor
{
    public float Predict(RatingExample example)
    {
        Span<float> one = stackalloc float[1];
        PredictBatch([example], one);
        return one[0];
    }

    public void PredictBatch(IReadOnlyList<RatingExample> examples, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(examples);
        // Bounded batches keep ONNX Runtime's buffers small whatever the hold-out's size.
        const int Batch = 4096;
        var featureCount = model.FeatureCount;
        for (var start = 0; start < examples.Count; start += Batch)
        {
            var count = Math.Min(Batch, examples.Count - start);
            var users = new long[count];
            var products = new long[count];
            var features = new float[count * featureCount];
            for (var i = 0; i < count; i++)
            {
                var example = examples[start + i];
                users[i] = model.UserRow(example.UserId);
                products[i] = model.ProductRow(example.ProductId);
                example.Features.AsSpan(0, featureCount).CopyTo(features.AsSpan(i * featureCount, featureCount));
            }

            model.Predict(users, products, features, destination.Slice(start, count));
        }
    }
}
