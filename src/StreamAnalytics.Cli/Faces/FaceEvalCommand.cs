using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Faces.Evaluation;

namespace StreamAnalytics.Cli.Faces;

/// <summary>
/// <c>sa eval faces</c>: the face model on random per-identity splits (ORL's 5 train / 5 test protocol by default),
/// with <c>--open-set</c> enrolment of some identities with strangers held out, and with <c>--seed-architecture</c>
/// the seed's network for comparison (<see cref="SeedArchitectureEval"/>).
/// </summary>
internal static class FaceEvalCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "A folder-per-identity image tree (ORL: s1..s40/*.pgm).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "orl") };
        var splits = new Option<int>("--splits") { Description = "Random splits to train and test.", DefaultValueFactory = _ => 10 };
        var perIdentity = new Option<int>("--train-per-identity") { Description = "Training images per identity in each split; the rest test.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first split (split i uses seed + i).", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default: the trainer's)." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads while training (1 keeps a seed's weights bit-identical).", DefaultValueFactory = _ => 1 };
        var openSet = new Option<bool>("--open-set") { Description = "Also enrol 30 identities from 5 images each, hold 10 out as strangers, and report rank-1 accuracy and stranger rejection at a threshold calibrated on validation data." };
        var seedArchitecture = new Option<bool>("--seed-architecture") { Description = "Train the seed's kind of network (Conv/MaxPool/Flatten/large Dense/Dropout, 52.5M parameters) instead of ours, and measure both networks' images/s at batch 1." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (progress goes to standard error)." };
        var faces = new Command("faces", "Train the face CNN on random per-identity splits and report test accuracy (per split, mean ± std), parameter count and training time.")
        {
            input, splits, perIdentity, seed, epochs, threads, openSet, seedArchitecture, json,
        };
        faces.SetAction((parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var progress = asJson ? Console.Error : Console.Out;
            var folder = parse.GetValue(input)!;
            var count = parse.GetValue(splits);
            if (count < 0 || parse.GetValue(threads) < 1)
            {
                Console.Error.WriteLine("--splits must not be negative and --threads must be positive.");
                return Task.FromResult(2);
            }

            if (parse.GetValue(seedArchitecture) && parse.GetValue(openSet))
            {
                Console.Error.WriteLine("--open-set needs an embedding, which the seed architecture has not: leave one of the two out.");
                return Task.FromResult(2);
            }

            FaceDataset dataset;
            try
            {
                dataset = FaceFolderReader.Read(folder);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }

            if (parse.GetValue(seedArchitecture))
            {
                progress.WriteLine($"{dataset.Name}: {dataset.Identities.Count} identities, {dataset.Count} images (seed architecture)");
                var seedReport = SeedArchitectureEval.Run(
                    dataset, count, parse.GetValue(perIdentity), parse.GetValue(seed), parse.GetValue(epochs), parse.GetValue(threads), asJson, progress, cancellation);
                if (asJson)
                {
                    Console.WriteLine(seedReport.ToJsonString(Indented));
                }

                return Task.FromResult(0);
            }

            var options = new FaceTrainingOptions { Threads = parse.GetValue(threads) };
            if (parse.GetValue(epochs) is { } epochCount)
            {
                options.Epochs = epochCount;
            }

            progress.WriteLine($"{dataset.Name}: {dataset.Identities.Count} identities, {dataset.Count} images");
            var report = new JsonObject();
            if (count > 0)
            {
                var result = FaceSplitEvaluation.Evaluate(dataset, count, parse.GetValue(perIdentity), options, parse.GetValue(seed), progress.WriteLine, cancellation);
                report = FaceReportJson.Splits(result);
                if (!asJson)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy {result.Mean:P2} ± {result.Std:P2} over {result.Splits.Count} splits; {result.Params:N0} parameters; {result.TrainSeconds:F1} s training per split"));
                }
            }

            if (parse.GetValue(openSet))
            {
                var open = FaceOpenSetEvaluation.Evaluate(dataset, new FaceOpenSetProtocol(), options, parse.GetValue(seed), progress.WriteLine, cancellation);
                report["openSet"] = FaceReportJson.OpenSet(open);
                if (!asJson)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open set: rank-1 {open.Rank1Accuracy:P2}, accepted and correct {open.AcceptedCorrect:P2}, strangers rejected {open.StrangerRejection:P2} at threshold {open.Threshold:F3}"));
                }
            }

            if (asJson)
            {
                Console.WriteLine(report.ToJsonString(Indented));
            }

            return Task.FromResult(0);
        });
        return faces;
    }
}
