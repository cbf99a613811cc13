using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Cli.Faces;

/// <summary>
/// <c>sa train faces</c>: trains the face model on a folder-per-identity tree (all identities, or the first N), with the
/// open-set threshold calibrated on held-out identities, and writes the ONNX file a silo serves.
/// </summary>
internal static class FaceTrainCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "A folder-per-identity image tree (ORL: s1..s40/*.pgm).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "orl") };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the ONNX model.", DefaultValueFactory = _ => new FileInfo("face.onnx") };
        var identities = new Option<int?>("--identities") { Description = "Train on only the first N identities, in natural order of their folder names (default: all)." };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default: the trainer's)." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads while training (1 keeps a seed's weights bit-identical).", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the weights, the shuffling, the augmentation and the calibration split.", DefaultValueFactory = _ => 42 };
        var threshold = new Option<float?>("--threshold") { Description = "Write this cosine threshold instead of calibrating one (half the training time, for a quick demo model)." };
        var version = new Option<string?>("--version") { Description = "The model version written into the file; default: a UTC time stamp." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (progress goes to standard error)." };
        var faces = new Command("faces", "Train the face model on every image of the chosen identities, calibrate its open-set threshold on held-out identities, and write it as ONNX.")
        {
            input, output, identities, epochs, threads, seed, threshold, version, json,
        };
        faces.SetAction(async (parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var progress = asJson ? Console.Error : Console.Out;
            var file = parse.GetValue(output)!;
            if (file.Directory is { Exists: false } folder)
            {
                await Console.Error.WriteLineAsync($"--output: the folder {folder.FullName} does not exist.");
                return 2;
            }

            var options = new FaceModelPipelineOptions
            {
                Training = new FaceTrainingOptions { Threads = parse.GetValue(threads), Seed = parse.GetValue(seed) },
                Identities = parse.GetValue(identities),
                FixedThreshold = parse.GetValue(threshold),
                Version = parse.GetValue(version),
            };
            if (parse.GetValue(epochs) is { } epochCount)
            {
                // A short run (a demo or a test) keeps its last epoch out of the warm-up, so the rate still decays.
                options.Training.Epochs = epochCount;
                options.Training.WarmupEpochs = Math.Clamp(epochCount - 1, 0, options.Training.WarmupEpochs);
            }

            if (Read(parse.GetValue(input)!) is not { } dataset)
            {
                return 2;
            }

            FaceModelPipelineResult result;
            try
            {
                result = FaceModelPipeline.Train(dataset, options, progress.WriteLine, cancellation);
            }
            catch (ArgumentException e)
            {
                // The options against the dataset (too few identities or images for calibration, a range): checked
                // before any training starts.
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            await File.WriteAllBytesAsync(file.FullName, result.Onnx, cancellation);
            if (asJson)
            {
                Console.WriteLine(FaceReportJson.Model(result, dataset.Name, file.FullName).ToJsonString(Indented));
            }
            else
            {
                Console.WriteLine(Summary(result));
            }

            progress.WriteLine($"wrote face model {result.Version} to {file.FullName}");
            return 0;
        });
        return faces;
    }

    private static FaceDataset? Read(string folder)
    {
        try
        {
            var dataset = FaceFolderReader.Read(folder);
            if (dataset.Identities.Count > 0)
            {
                return dataset;
            }

            Console.Error.WriteLine($"--input: the folder {Path.GetFullPath(folder)} holds no identity folders.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--input: {e.Message}");
        }

        return null;
    }

    private static string Summary(FaceModelPipelineResult r)
    {
        var threshold = r.Calibrated
            ? string.Create(CultureInfo.InvariantCulture, $"threshold {r.Threshold:F3} (calibrated; validation: genuine accepted {r.ValidationGenuineAccepted:P1}, impostors rejected {r.ValidationImpostorRejected:P1})")
            : string.Create(CultureInfo.InvariantCulture, $"threshold {r.Threshold:F3} (fixed)");
        return string.Create(CultureInfo.InvariantCulture, $"{r.Identities.Count} identities, {r.Images} images, {r.ParameterCount:N0} parameters, {threshold}, {r.TrainSeconds:F1} s");
    }
}
