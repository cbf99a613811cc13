using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Tests.Evaluation;

/// <summary>A stand-in model that predicts the same value for every pair.</summary>
public sealed class ConstantPredictor(float value) : IRatingPredictor
{
    public float Predict(RatingExample example) => value;
}
