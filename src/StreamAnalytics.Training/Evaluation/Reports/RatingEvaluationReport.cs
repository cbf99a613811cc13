namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>
/// The report of one train/validation/test evaluation:
/// <c>{"dataset","train":{..},"validation":{..},"test":{..},"baselines":{"globalMean":{..},"biases":{..}},"bestAchievableR2","gate":{..}}</c>.
/// </summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Train">The candidate on the training part.</param>
/// <param name="Validation">The candidate on the validation part.</param>
/// <param name="Test">The candidate on the test part.</param>
/// <param name="Baselines">The baselines, trained on the same training part.</param>
/// <param name="BestAchievableR2">When the generating model is known (synthetic data), the R² of the best possible predictions on the test part; otherwise null.</param>
/// <param name="Gate">Whether the candidate would be promoted, decided on validation metrics.</param>
public sealed record RatingEvaluationReport(
    string Dataset,
    RegressionMetrics Train,
    RegressionMetrics Validation,
    RegressionMetrics Test,
    SplitBaselines Baselines,
    double? BestAchievableR2,
    RatingGateDecision Gate);
