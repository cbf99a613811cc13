namespace StreamAnalytics.Training.Evaluation.Baselines;

/// <summary>How <see cref="BiasPredictor"/> is fitted.</summary>
/// <param name="Regularization">
/// λ, the ridge penalty on every bias: an entity with n ratings gets <c>Σ residuals / (λ + n)</c>, so one with few
/// ratings is shrunk toward 0. Defaults to 5: on the synthetic feed (noise σ 0.5) validation RMSE was flat between 2
/// and 10 and worse at 0 (over-fitting one-rating users) and at 25.
/// </param>
/// <param name="Passes">Alternating least-squares passes (products, then users); defaults to 5, which converges to well under 0.001 RMSE.</param>
public sealed record BiasPredictorOptions(double Regularization = 5, int Passes = 5);
