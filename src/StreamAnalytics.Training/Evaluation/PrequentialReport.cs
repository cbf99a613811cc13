namespace StreamAnalytics.Training.Evaluation;

/// <summary>The result of a prequential (predict, then learn) run over the same ratings.</summary>
/// <param name="Frozen">The frozen model alone.</param>
/// <param name="Online">The frozen model plus the user's and product's online biases, each learnt only from earlier ratings.</param>
/// <param name="RmseGain">Frozen RMSE minus online RMSE: positive when online learning helps; null when undefined.</param>
/// <param name="R2Gain">Online R² minus frozen R²; null when undefined.</param>
/// <param name="Users">Users that got an online bias.</param>
/// <param name="Products">Products that got an online bias.</param>
public sealed record PrequentialReport(RegressionMetrics Frozen, RegressionMetrics Online, double? RmseGain, double? R2Gain, int Users, int Products);
