using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// One rating retraining on the store's examples: a time-ordered split (the oldest 70% train, the next 15% validate
/// for early stopping and the pipeline's own gate, the newest 15% are the hold-out), the same
/// <see cref="RatingModelPipeline"/> as <c>sa train rating</c>, then the exported candidate and the active version
/// are both scored on the hold-out through ONNX Runtime, beside the baselines. Blocking and CPU-bound: run it on the
/// thread pool (the pipeline takes libtorch's process-wide lock itself).
/// </summary>
internal static class RatingRetraining
{
    public static RatingCandidate Train(
        IReadOnlyList<RatingExample> examples, byte[]? activeOnnx, float ratingMin, float ratingMax, string version, DateTimeOffset trainedAt)
    {
        var dataset = new RatingDataset
        {
            Name = "store",
            Examples = [.. examples.OrderBy(e => e.Timestamp)],
            FeatureNames = RatingFeatureVector.Names,
            RatingMin = ratingMin,
            RatingMax = ratingMax,
        };
        var split = RatingSplits.TimeOrdered(dataset.Examples);
        var result = RatingModelPipeline.Run(dataset, split, new RatingTrainingOptions());
        var onnx = RatingOnnxExporter.Export(result.Served, version, trainedAt);
        var heldOut = RatingSplits.Select(dataset.Examples, split.Test);
        return new RatingCandidate(
            onnx,
            result.Report.Gate.Served,
            Score(onnx, heldOut),
            activeOnnx is null ? null : ScoreActive(activeOnnx, heldOut),
            result.Report.Baselines.GlobalMean.Test.Rmse,
            result.Report.Baselines.Biases.Test.Rmse,
            split.Train.Count,
            heldOut.Count);
    }

    private static double? Score(byte[] onnx, IReadOnlyList<RatingExample> heldOut)
    {
        using var model = new RatingModel(onnx, RatingFeatureVector.Names);
        return new OnnxRatingPredictor(model).Score(heldOut).Rmse;
    }

    // An active version this silo cannot load (another feature set, a corrupt upload) is not something to keep: the
    // candidate is then judged against the baselines alone.
    private static double? ScoreActive(byte[] onnx, IReadOnlyList<RatingExample> heldOut)
    {
        try
        {
            return Score(onnx, heldOut);
        }
        catch (ModelLoadException)
        {
            return null;
        }
    }
}

/// <summary>What <see cref="RatingRetraining.Train"/> produced.</summary>
/// <param name="Onnx">The exported candidate.</param>
/// <param name="Served">What the pipeline's validation gate shipped: <c>candidate</c> (the network) or a baseline's name.</param>
/// <param name="HeldOutRmse">The candidate's RMSE on the hold-out.</param>
/// <param name="ActiveHeldOutRmse">The active version's RMSE on the same hold-out; null when none is active or it cannot be loaded.</param>
/// <param name="GlobalMeanRmse">The global-mean baseline's hold-out RMSE.</param>
/// <param name="BiasesRmse">The biases baseline's hold-out RMSE.</param>
/// <param name="Trained">Ratings trained on.</param>
/// <param name="HeldOut">Ratings held out.</param>
internal sealed record RatingCandidate(
    byte[] Onnx, string Served, double? HeldOutRmse, double? ActiveHeldOutRmse, double? GlobalMeanRmse, double? BiasesRmse, int Trained, int HeldOut);
