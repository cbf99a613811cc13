using System.Text.Json.Serialization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The result of <c>sa bench predict</c>: one rating prediction at a time, on three paths over the same pairs.</summary>
/// <param name="Calls">Timed calls per path.</param>
/// <param name="Pairs">Distinct user-product pairs the calls cycle through.</param>
/// <param name="Events">Interactions the grains applied before timing.</param>
/// <param name="ModelVersion">The rating model served.</param>
/// <param name="OnnxP50Ms">Median <c>RatingModel.Predict</c> at batch 1 on precomputed inputs (raw ONNX Runtime).</param>
/// <param name="OnnxP99Ms">99th percentile of the same.</param>
/// <param name="OnnxCallsPerSecond">Raw ONNX Runtime calls per second on one thread.</param>
/// <param name="GrainP50Ms">Median <c>IUserGrain.PredictRating</c> from a client in the silo's process.</param>
/// <param name="GrainP99Ms">99th percentile of the same.</param>
/// <param name="GrainCallsPerSecond">Sequential grain calls per second.</param>
/// <param name="ApiP50Ms">Median <c>GET /api/users/{userId}/predictions/{productId}</c> over loopback HTTP.</param>
/// <param name="ApiP99Ms">99th percentile of the same.</param>
/// <param name="ApiCallsPerSecond">Sequential HTTP requests per second.</param>
/// <param name="GrainOverOnnxP50"><paramref name="GrainP50Ms"/> / <paramref name="OnnxP50Ms"/>.</param>
/// <param name="GrainOverOnnxP99"><paramref name="GrainP99Ms"/> / <paramref name="OnnxP99Ms"/>.</param>
/// <param name="ApiOverOnnxP50"><paramref name="ApiP50Ms"/> / <paramref name="OnnxP50Ms"/>.</param>
/// <param name="ApiOverOnnxP99"><paramref name="ApiP99Ms"/> / <paramref name="OnnxP99Ms"/>.</param>
/// <param name="TrainSeconds">Time spent training the model (not part of any timing).</param>
/// <param name="Cores">Logical processors of the machine.</param>
internal sealed record PredictResult(
    int Calls,
    int Pairs,
    int Events,
    string ModelVersion,
    double OnnxP50Ms,
    double OnnxP99Ms,
    double OnnxCallsPerSecond,
    double GrainP50Ms,
    double GrainP99Ms,
    double GrainCallsPerSecond,
    double ApiP50Ms,
    double ApiP99Ms,
    double ApiCallsPerSecond,
    double GrainOverOnnxP50,
    double GrainOverOnnxP99,
    double ApiOverOnnxP50,
    double ApiOverOnnxP99,
    double TrainSeconds,
    int Cores);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PredictResult))]
internal sealed partial class PredictResultJson : JsonSerializerContext;
