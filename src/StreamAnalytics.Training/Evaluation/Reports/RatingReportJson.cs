using System.Text.Json;

namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>Writes the evaluation reports as camelCase JSON (undefined metrics are <c>null</c>).</summary>
public static class RatingReportJson
{
    /// <summary>The JSON of a train/validation/test report.</summary>
    public static string Serialize(RatingEvaluationReport report) => JsonSerializer.Serialize(report, RatingReportJsonContext.Default.RatingEvaluationReport);

    /// <summary>The JSON of a K-fold report.</summary>
    public static string Serialize(RatingKFoldReport report) => JsonSerializer.Serialize(report, RatingReportJsonContext.Default.RatingKFoldReport);

    /// <summary>The JSON of a prequential report.</summary>
    public static string Serialize(PrequentialReport report) => JsonSerializer.Serialize(report, RatingReportJsonContext.Default.PrequentialReport);
}
