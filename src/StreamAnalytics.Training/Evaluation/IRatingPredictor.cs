using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation;

/// <summary>
/// A trained rating model as the evaluation sees it: the baselines implement it, and so does the network trainer's
/// model once plugged in.
/// </summary>
public interface IRatingPredictor
{
    /// <summary>The predicted rating of one example, on the dataset's scale.</summary>
    float Predict(RatingExample example);

    /// <summary>
    /// Predicts every example into <paramref name="destination"/> (one per example). The default calls
    /// <see cref="Predict"/> per example; a model with a batched forward pass overrides it.
    /// </summary>
    void PredictBatch(IReadOnlyList<RatingExample> examples, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (destination.Length < examples.Count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values for {examples.Count} examples.", nameof(destination));
        }

        for (var i = 0; i < examples.Count; i++)
        {
            destination[i] = Predict(examples[i]);
        }
    }
}
