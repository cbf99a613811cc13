using System.Text.Json.Serialization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The result of <c>sa bench faces</c>: images per second and latency of four paths over the same model.</summary>
/// <param name="Model">What was served: <c>untrained</c> (the production architecture, random weights: a trained
/// model's compute) or the <c>--model</c> file's path.</param>
/// <param name="ModelVersion">The served model's version.</param>
/// <param name="Frames">Timed images per path.</param>
/// <param name="Cameras">Concurrent cameras on the grain paths.</param>
/// <param name="MaxBatch">The batched paths' largest batch (raw ONNX Runtime's batch, the batcher's MaxBatchSize).</param>
/// <param name="ConcurrentBatches">Model runs at once on every path (the batcher's MaxConcurrentBatches, raw ONNX
/// Runtime's concurrent callers).</param>
/// <param name="GalleryIdentities">Identities enrolled, which every frame is searched against.</param>
/// <param name="GalleryFaces">Faces enrolled in all.</param>
/// <param name="Published">Whether identifications went to the embedded broker through the Kafka sink.</param>
/// <param name="OnnxBatched">Raw ONNX Runtime at batch <paramref name="MaxBatch"/>, one caller, pre-fitted images, <paramref name="ConcurrentBatches"/> callers.</param>
/// <param name="OnnxUnbatched">Raw ONNX Runtime at batch 1, <paramref name="ConcurrentBatches"/> callers.</param>
/// <param name="GrainsBatched"><c>ICameraGrain.Identify</c> from concurrent cameras (decode, fit, batcher, model, gallery
/// search, publish), the batcher's MaxBatchSize at <paramref name="MaxBatch"/>, its other settings at their defaults.</param>
/// <param name="GrainsUnbatched">The same with the batcher's largest batch set to 1.</param>
/// <param name="SeedSizeBatchOne">The seed-size network (random weights) by raw ONNX Runtime at batch 1; null when
/// skipped (<c>--seed-seconds 0</c>).</param>
/// <param name="DecodeFit">Decoding and fitting the encoded frames alone, on one thread (no model): what each frame
/// costs a camera grain before it is queued.</param>
/// <param name="Ratio"><c>GrainsBatched.ImagesPerSecond / OnnxBatched.ImagesPerSecond</c>.</param>
/// <param name="BatchingGain"><c>GrainsBatched.ImagesPerSecond / GrainsUnbatched.ImagesPerSecond</c>.</param>
/// <param name="Floors">The floors and whether this run met them.</param>
/// <param name="Cores">Logical processors of the machine.</param>
internal sealed record FacesResult(
    string Model,
    string ModelVersion,
    int Frames,
    int Cameras,
    int MaxBatch,
    int ConcurrentBatches,
    int GalleryIdentities,
    int GalleryFaces,
    bool Published,
    FaceBenchMeasurement OnnxBatched,
    FaceBenchMeasurement OnnxUnbatched,
    FaceBenchMeasurement GrainsBatched,
    FaceBenchMeasurement GrainsUnbatched,
    FaceBenchMeasurement? SeedSizeBatchOne,
    FaceBenchMeasurement DecodeFit,
    double Ratio,
    double BatchingGain,
    FaceBenchFloors Floors,
    int Cores);

/// <summary>The floors for the grain path, and whether a run met them (reported, never enforced).</summary>
/// <param name="MinRatio">Through grains at least this share of raw ONNX Runtime batched: 0.8.</param>
/// <param name="MinImagesPerSecond">Through grains at least this many images per second (on 2 cores): 2,000.</param>
/// <param name="RatioMet">Whether <see cref="FacesResult.Ratio"/> reached <paramref name="MinRatio"/>.</param>
/// <param name="ImagesPerSecondMet">Whether the grains' batched rate reached <paramref name="MinImagesPerSecond"/>.</param>
internal sealed record FaceBenchFloors(double MinRatio, double MinImagesPerSecond, bool RatioMet, bool ImagesPerSecondMet)
{
    /// <summary>The floor on the ratio.</summary>
    public const double Ratio = 0.8;

    /// <summary>The floor on images per second through grains.</summary>
    public const double ImagesPerSecond = 2_000;

    /// <summary>The floors checked against a run's ratio and grain rate.</summary>
    public static FaceBenchFloors Check(double ratio, double grainImagesPerSecond) =>
        new(Ratio, ImagesPerSecond, ratio >= Ratio, grainImagesPerSecond >= ImagesPerSecond);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FacesResult))]
internal sealed partial class FacesResultJson : JsonSerializerContext;
