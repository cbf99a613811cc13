namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>The baselines' metrics on each part of a split (JSON keys <c>globalMean</c> and <c>biases</c>).</summary>
public sealed record SplitBaselines(SplitMetrics GlobalMean, SplitMetrics Biases);
