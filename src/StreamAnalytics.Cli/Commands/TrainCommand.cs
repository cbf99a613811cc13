using System.CommandLine;
using System.Globalization;
using StreamAnalytics.Cli.Faces;
using StreamAnalytics.Cli.Ratings;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa train</c>: trains a model offline and writes the ONNX file that serving loads.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new RatingDataOptions();
        var training = new RatingTrainingOptionsBinder();
        var output = new Option<FileInfo>("--output") { Description = "Where to write the ONNX model.", DefaultValueFactory = _ => new FileInfo("rating.onnx") };
        var version = new Option<string?>("--version") { Description = "The model version written into the file; default: a UTC time stamp." };
        var json = new Option<bool>("--json") { Description = "Print the evaluation report as JSON." };
        var rating = new Command("rating", "Train the rating model, gate it against the baselines on the validation split, and write what the gate chose (the model, or the best baseline in the same architecture) as ONNX.");
        foreach (var option in data.All.Concat(training.All).Append(output).Append(version).Append(json))
        {
            rating.Options.Add(option);
        }

        rating.SetAction(async (parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var progress = asJson ? Console.Error : Console.Out;
            var file = parse.GetValue(output)!;
            if (file.Directory is { Exists: false } folder)
            {
                await Console.Error.WriteLineAsync($"--output: the folder {folder.FullName} does not exist.");
                return 2;
            }

            if (data.Load(parse, progress, out var error) is not { } dataset)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            if (dataset.Examples.Count < 20)
            {
                await Console.Error.WriteLineAsync($"{dataset.Name} has {dataset.Examples.Count} ratings: too few to split.");
                return 2;
            }

            var options = training.Bind(parse, parse.GetValue(data.Seed));
            var epochs = new Progress<RatingEpoch>(e => progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {e.Epoch}: train MSE {e.TrainMse:F4}, validation MSE {e.ValidationMse:F4}")));
            var result = RatingModelPipeline.Run(dataset, RatingSplits.TimeOrdered(dataset.Examples, RatingSplits.DefaultTrainShare, RatingSplits.DefaultValidationShare), options, epochs);
            var trainedAt = DateTimeOffset.UtcNow;
            var name = parse.GetValue(version) ?? trainedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            await File.WriteAllBytesAsync(file.FullName, RatingOnnxExporter.Export(result.Served, name, trainedAt), cancellation);
            if (asJson)
            {
                Console.WriteLine(RatingReportPrinter.Json(result).ToJsonString(RatingReportPrinter.Indented));
            }
            else
            {
                RatingReportPrinter.Table(result, Console.Out);
            }

            progress.WriteLine($"wrote {result.Report.Gate.Served} as rating model {name} to {file.FullName}");
            return 0;
        });
        return new Command("train", "Train models offline.") { rating, FaceTrainCommand.Create() };
    }
}
