using System.Globalization;
using System.Text.Json.Nodes;
using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Faces.Seed;

namespace StreamAnalytics.Cli.Faces;

/// <summary>
/// <c>sa eval faces --seed-architecture</c>: the same random splits with the seed's 52.5M-parameter network instead of
/// ours, then images per second at batch 1 of both networks (TorchSharp and ONNX Runtime), for docs/models.md.
/// </summary>
internal static class SeedArchitectureEval
{
    // Long enough to average out a shared machine's jitter, short enough to keep the command quick.
    private static readonly TimeSpan SpeedDuration = TimeSpan.FromSeconds(5);

    /// <summary>Runs the splits (none when <paramref name="splits"/> is 0) and the speed measurement; the JSON report.</summary>
    public static JsonObject Run(
        FaceDataset dataset, int splits, int trainPerIdentity, int firstSeed, int? epochs, int threads, bool asJson, TextWriter progress, CancellationToken cancellation)
    {
        var options = new SeedFaceTrainingOptions { Threads = threads };
        if (epochs is { } epochCount)
        {
            options.Epochs = epochCount;
        }

        var report = new JsonObject();
        if (splits > 0)
        {
            var result = SeedFaceSplitEvaluation.Evaluate(dataset, splits, trainPerIdentity, options, firstSeed, progress.WriteLine, cancellation);
            report = FaceReportJson.Splits(result);
            if (!asJson)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed architecture: accuracy {result.Mean:P2} ± {result.Std:P2} over {result.Splits.Count} splits; {result.Params:N0} parameters; {result.TrainSeconds:F1} s training per split"));
            }
        }

        report["architecture"] = "seed";
        progress.WriteLine("measuring images/s at batch 1 (one thread, random weights)");
        var classes = dataset.Identities.Count;
        var seed = BatchOneSpeed.Seed(classes, SpeedDuration);
        var ours = BatchOneSpeed.Ours(classes, SpeedDuration);
        report["imagesPerSecond"] = new JsonObject
        {
            ["batch"] = 1,
            ["seed"] = FaceReportJson.Speed(seed),
            ["ours"] = FaceReportJson.Speed(ours),
        };
        if (!asJson)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch 1, one thread: seed {seed.TorchSharp:F1} images/s TorchSharp, {seed.OnnxRuntime:F1} ONNX Runtime; ours {ours.TorchSharp:F1} TorchSharp, {ours.OnnxRuntime:F1} ONNX Runtime"));
        }

        return report;
    }
}
