using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Reports;
using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.Cli.Ratings;

/// <summary>Prints rating evaluation reports as the seed did (MSE and R² per split), as a table or as JSON.</summary>
internal static class RatingReportPrinter
{
    /// <summary>How the commands write their JSON: indented, as the reports' own serializer does.</summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };

    /// <summary>
    /// The split report with what the gate serves and how training went:
    /// <c>{..report.., "served":{"model","test":{..}}, "training":{"seconds","epochs","bestEpoch"}}</c>.
    /// </summary>
    public static JsonObject Json(RatingPipelineResult result)
    {
        var report = JsonNode.Parse(RatingReportJson.Serialize(result.Report))!.AsObject();
        report["served"] = new JsonObject
        {
            ["model"] = result.Report.Gate.Served,
            ["test"] = JsonSerializer.SerializeToNode(result.ServedTest, RatingReportJsonContext.Default.RegressionMetrics),
        };
        report["training"] = new JsonObject { ["seconds"] = Math.Round(result.TrainSeconds, 2), ["epochs"] = result.Epochs, ["bestEpoch"] = result.BestEpoch };
        return report;
    }

    public static void Table(RatingPipelineResult result, TextWriter output)
    {
        var report = result.Report;
        output.WriteLine($"{"",-24}{"MSE",10}{"RMSE",10}{"MAE",10}{"R²",10}");
        Row(output, "model train", report.Train);
        Row(output, "model validation", report.Validation);
        Row(output, "model test", report.Test);
        Row(output, "global mean test", report.Baselines.GlobalMean.Test);
        Row(output, "user+item biases test", report.Baselines.Biases.Test);
        if (report.BestAchievableR2 is { } best)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best achievable test R² {best:F4}; model reaches {report.Test.R2 / best:P1} of it"));
        }

        output.WriteLine($"gate: {(report.Gate.Accepted ? "candidate promoted" : $"serving {report.Gate.Served}")} ({report.Gate.Reason})");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {result.Epochs} epochs (best {result.BestEpoch}) in {result.TrainSeconds:F1} s"));
    }

    public static void Table(RatingKFoldReport report, TextWriter output)
    {
        output.WriteLine($"{"",-24}{"RMSE",10}{"MAE",10}{"R²",10}");
        for (var i = 0; i < report.Folds.Count; i++)
        {
            Row(output, $"fold {i + 1}", report.Folds[i], mse: false);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"mean",-24}{report.Mean.Rmse,10:F4}{report.Mean.Mae,10:F4}{report.Mean.R2,10:F4}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"global mean (mean)",-24}{report.Baselines.GlobalMean.Mean.Rmse,10:F4}{report.Baselines.GlobalMean.Mean.Mae,10:F4}{report.Baselines.GlobalMean.Mean.R2,10:F4}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"biases (mean)",-24}{report.Baselines.Biases.Mean.Rmse,10:F4}{report.Baselines.Biases.Mean.Mae,10:F4}{report.Baselines.Biases.Mean.R2,10:F4}"));
    }

    public static void Table(PrequentialReport report, TextWriter output)
    {
        output.WriteLine($"{"prequential",-24}{"RMSE",10}{"MAE",10}{"R²",10}");
        Row(output, "frozen model", report.Frozen, mse: false);
        Row(output, "with online biases", report.Online, mse: false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"online learning gain: RMSE {report.RmseGain:F4}, R² {report.R2Gain:F4} ({report.Users:N0} users, {report.Products:N0} products learnt)"));
    }

    private static void Row(TextWriter output, string name, RegressionMetrics metrics, bool mse = true) =>
        output.WriteLine(mse
            ? string.Create(CultureInfo.InvariantCulture, $"{name,-24}{metrics.Mse,10:F4}{metrics.Rmse,10:F4}{metrics.Mae,10:F4}{metrics.R2,10:F4}")
            : string.Create(CultureInfo.InvariantCulture, $"{name,-24}{metrics.Rmse,10:F4}{metrics.Mae,10:F4}{metrics.R2,10:F4}"));
}
