using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation.Baselines;

/// <summary>The simplest baseline: every pair is predicted the mean rating of the training examples.</summary>
public sealed class GlobalMeanPredictor(float mean) : IRatingPredictor
{
    /// <summary>The prediction for every pair.</summary>
    public float Mean { get; } = mean;

    /// <summary>The baseline of <paramref name="train"/>: its mean rating, or 0 when it is empty.</summary>
    public static GlobalMeanPredictor Train(IReadOnlyList<RatingExample> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var sum = 0.0;
        foreach (var example in train)
        {
            sum += example.Target;
        }

        return new GlobalMeanPredictor(train.Count == 0 ? 0 : (float)(sum / train.Count));
    }

    /// <inheritdoc />
    public float Predict(RatingExample example) => Mean;
}
