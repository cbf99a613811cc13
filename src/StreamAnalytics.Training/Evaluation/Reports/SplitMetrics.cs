namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>One model's metrics on each part of a train/validation/test split.</summary>
public sealed record SplitMetrics(RegressionMetrics Train, RegressionMetrics Validation, RegressionMetrics Test);
