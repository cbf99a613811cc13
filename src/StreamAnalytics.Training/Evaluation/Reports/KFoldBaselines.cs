namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>The baselines' K-fold metrics (JSON keys <c>globalMean</c> and <c>biases</c>).</summary>
public sealed record KFoldBaselines(KFoldMetrics GlobalMean, KFoldMetrics Biases);
