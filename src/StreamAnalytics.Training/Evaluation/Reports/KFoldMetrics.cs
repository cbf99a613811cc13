namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>One model's test metrics per fold and their mean.</summary>
public sealed record KFoldMetrics(IReadOnlyList<RegressionMetrics> Folds, MeanMetrics Mean);
