namespace StreamAnalytics.Training.Evaluation.Reports;

/// <summary>
/// The report of a K-fold evaluation: <c>{"dataset","k","folds":[{..}],"mean":{"rmse","mae","r2"},"baselines":{..},"bestAchievableR2"}</c>.
/// </summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="K">The number of folds.</param>
/// <param name="Folds">The candidate's metrics on each fold's held-out part.</param>
/// <param name="Mean">Their mean over folds.</param>
/// <param name="Baselines">The baselines, fitted on the same training parts.</param>
/// <param name="BestAchievableR2">When the generating model is known, the mean over folds of the best possible R²; otherwise null.</param>
public sealed record RatingKFoldReport(
    string Dataset,
    int K,
    IReadOnlyList<RegressionMetrics> Folds,
    MeanMetrics Mean,
    KFoldBaselines Baselines,
    double? BestAchievableR2);
