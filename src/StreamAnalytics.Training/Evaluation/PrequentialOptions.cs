using StreamAnalytics.Abstractions.Ratings;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>How <see cref="PrequentialEvaluator"/> learns the online biases and scores predictions.</summary>
/// <param name="LearningRate">The SGD step of every bias update; defaults to <see cref="OnlineBias.DefaultLearningRate"/> (0.05).</param>
/// <param name="Regularization">The L2 pull toward 0; defaults to <see cref="OnlineBias.DefaultRegularization"/> (0.02).</param>
/// <param name="RatingMin">Predictions are clipped to at least this before scoring; defaults to 1 (the 1-5 scale).</param>
/// <param name="RatingMax">Predictions are clipped to at most this before scoring; defaults to 5.</param>
public sealed record PrequentialOptions(
    float LearningRate = OnlineBias.DefaultLearningRate,
    float Regularization = OnlineBias.DefaultRegularization,
    float RatingMin = 1,
    float RatingMax = 5);
