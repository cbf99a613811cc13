using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using StreamAnalytics.Cli.Faces;
using StreamAnalytics.Cli.Ratings;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Reports;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa eval</c>: offline evaluation of the models against their baselines.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var data = new RatingDataOptions();
        var training = new RatingTrainingOptionsBinder();
        var folds = new Option<int>("--folds") { Description = "K-fold evaluation with K folds (K >= 2) instead of the time-ordered train/validation/test split." };
        var prequential = new Option<bool>("--prequential") { Description = "Also evaluate online learning: the model trained on the earliest 70% predicts the rest in event-time order, learning user and product biases after each rating." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (progress goes to standard error)." };
        var rating = new Command("rating", "Train the rating model and report MSE, RMSE, MAE and R² per split beside the global-mean and user+item-bias baselines, and what the promotion gate would serve.");
        foreach (var option in data.All.Concat(training.All).Append(folds).Append(prequential).Append(json))
        {
            rating.Options.Add(option);
        }

        rating.SetAction(async (parse, cancellation) =>
        {
            var asJson = parse.GetValue(json);
            var progress = asJson ? Console.Error : Console.Out;
            var k = parse.GetValue(folds);
            if (k is 1 or < 0)
            {
                await Console.Error.WriteLineAsync($"--folds must be at least 2 (it was {k}); leave it out for the time-ordered train/validation/test split.");
                return 2;
            }

            if (data.Load(parse, progress, out var error) is not { } dataset)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            if (dataset.Examples.Count < Math.Max(20, k))
            {
                await Console.Error.WriteLineAsync($"{dataset.Name} has {dataset.Examples.Count} ratings: too few to split.");
                return 2;
            }

            var options = training.Bind(parse, parse.GetValue(data.Seed));
            progress.WriteLine($"{dataset.Name}: {dataset.Examples.Count:N0} ratings, {dataset.FeatureNames.Count} features");
            var epochs = new Progress<RatingEpoch>(e => progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {e.Epoch}: train MSE {e.TrainMse:F4}, validation MSE {e.ValidationMse:F4}")));
            JsonObject report;
            if (k > 0)
            {
                var kFold = RatingEvaluation.EvaluateKFold(dataset, RatingSplits.KFold(dataset.Examples.Count, k, options.Seed), (train, validation) =>
                    new NetworkRatingPredictor(RatingModelPipeline.Train(dataset, train, validation, options, epochs)));
                report = JsonNode.Parse(RatingReportJson.Serialize(kFold))!.AsObject();
                Table(asJson, () => RatingReportPrinter.Table(kFold, Console.Out));
            }
            else
            {
                var result = RatingModelPipeline.Run(dataset, RatingSplits.TimeOrdered(dataset.Examples, RatingSplits.DefaultTrainShare, RatingSplits.DefaultValidationShare), options, epochs);
                report = RatingReportPrinter.Json(result);
                Table(asJson, () => RatingReportPrinter.Table(result, Console.Out));
            }

            if (parse.GetValue(prequential))
            {
                var online = Prequential(dataset, options, epochs);
                report["prequential"] = JsonNode.Parse(RatingReportJson.Serialize(online));
                Table(asJson, () => RatingReportPrinter.Table(online, Console.Out));
            }

            if (asJson)
            {
                // One document on standard output, the prequential report (when asked for) under "prequential".
                Console.WriteLine(report.ToJsonString(RatingReportPrinter.Indented));
            }

            return 0;
        });
        return new Command("eval", "Evaluate models offline.") { rating, FaceEvalCommand.Create() };
    }

    // The model is trained on the earliest 70% (validated on the next 15%) and then frozen; the online biases learn
    // through the remaining 30% in event-time order, each rating predicted before it is learnt.
    private static PrequentialReport Prequential(RatingDataset dataset, RatingTrainingOptions options, IProgress<RatingEpoch> epochs)
    {
        var split = RatingSplits.TimeOrdered(dataset.Examples, RatingSplits.DefaultTrainShare, RatingSplits.DefaultValidationShare);
        var train = RatingSplits.Select(dataset.Examples, split.Train);
        var validation = RatingSplits.Select(dataset.Examples, split.Validation);
        using var trained = RatingModelPipeline.Train(dataset, train, validation, options, epochs);
        var later = RatingSplits.Select(dataset.Examples, [.. split.Validation, .. split.Test]);
        return PrequentialEvaluator.Evaluate(later, new NetworkRatingPredictor(trained), new PrequentialOptions(RatingMin: dataset.RatingMin, RatingMax: dataset.RatingMax));
    }

    private static void Table(bool asJson, Action table)
    {
        if (!asJson)
        {
            table();
        }
    }
}
