using System.Text.Json.Serialization;

namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>Source-generated JSON (camelCase, indented) for the evaluation reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RatingEvaluationReport))]
[JsonSerializable(typeof(RatingKFoldReport))]
[JsonSerializable(typeof(PrequentialReport))]
[JsonSerializable(typeof(RegressionMetrics))]
public sealed partial class RatingReportJsonContext : JsonSerializerContext;
