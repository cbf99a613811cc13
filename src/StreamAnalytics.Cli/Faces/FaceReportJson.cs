using System.Text.Json.Nodes;
using StreamAnalytics.Training.Faces.Evaluation;

namespace StreamAnalytics.Cli.Faces;

/// <summary>The JSON shapes <c>sa eval faces --json</c> prints.</summary>
internal static class FaceReportJson
{
    /// <summary><c>{"dataset","trainPerIdentity","splits":[accuracy..],"seeds","splitSeconds","mean","std","params","trainSeconds"}</c>.</summary>
    public static JsonObject Splits(FaceSplitsReport report) => new()
    {
        ["dataset"] = report.Dataset,
        ["trainPerIdentity"] = report.TrainPerIdentity,
        ["splits"] = new JsonArray([.. report.Splits.Select(s => JsonValue.Create(Math.Round(s.Accuracy, 6)))]),
        ["seeds"] = new JsonArray([.. report.Splits.Select(s => JsonValue.Create(s.Seed))]),
        ["splitSeconds"] = new JsonArray([.. report.Splits.Select(s => JsonValue.Create(Math.Round(s.TrainSeconds, 2)))]),
        ["mean"] = Math.Round(report.Mean, 6),
        ["std"] = Math.Round(report.Std, 6),
        ["params"] = report.Params,
        ["trainSeconds"] = Math.Round(report.TrainSeconds, 2),
    };

    /// <summary>The open-set report, every field of <see cref="FaceOpenSetReport"/> in camelCase.</summary>
    public static JsonObject OpenSet(FaceOpenSetReport report) => new()
    {
        ["enrolled"] = report.Enrolled,
        ["strangers"] = report.Strangers,
        ["enrolImagesPerIdentity"] = report.EnrolImagesPerIdentity,
        ["threshold"] = Math.Round(report.Threshold, 6),
        ["rank1Accuracy"] = Math.Round(report.Rank1Accuracy, 6),
        ["acceptedCorrect"] = Math.Round(report.AcceptedCorrect, 6),
        ["falseRejection"] = Math.Round(report.FalseRejection, 6),
        ["strangerRejection"] = Math.Round(report.StrangerRejection, 6),
        ["validation"] = new JsonObject
        {
            ["genuineAccepted"] = Math.Round(report.ValidationGenuineAccepted, 6),
            ["impostorRejected"] = Math.Round(report.ValidationImpostorRejected, 6),
        },
        ["trainSeconds"] = Math.Round(report.TrainSeconds, 2),
    };

    /// <summary><c>{"torchSharp","onnxRuntime"}</c>: images per second at batch 1.</summary>
    public static JsonObject Speed(BatchOneSpeed speed) => new()
    {
        ["torchSharp"] = Math.Round(speed.TorchSharp, 1),
        ["onnxRuntime"] = Math.Round(speed.OnnxRuntime, 1),
    };
}
