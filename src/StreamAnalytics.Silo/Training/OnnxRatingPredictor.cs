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
        foreach (var batch in RatingInputBatch.Of(examples, 4096, model.FeatureCount, model.UserRow, model.ProductRow))
        {
            model.Predict(batch.Users, batch.Products, batch.Features, destination.Slice(batch.Start, batch.Users.Length));
        }
    }
}
