namespace StreamAnalytics.Inference.Rating;

/// <summary>What <see cref="RatingScorer.Score"/> returns: the model's ratings, index for index with the queries.</summary>
/// <param name="Ratings">The model's predictions, already clipped to its scale, without online biases.</param>
/// <param name="ModelVersion">The version that scored them.</param>
/// <param name="RatingMin">The lowest rating of the model's scale: clip to it after adding biases.</param>
/// <param name="RatingMax">The highest rating of the model's scale.</param>
public sealed record RatingScores(float[] Ratings, string ModelVersion, float RatingMin, float RatingMax)
{
    /// <summary>The model's rating of query <paramref name="index"/> plus the online biases, clipped to the scale.</summary>
    public float WithBiases(int index, float userBias, float productBias)
    {
        var rating = Ratings[index] + userBias + productBias;
        return float.IsFinite(rating) ? Math.Clamp(rating, RatingMin, RatingMax) : Ratings[index];
    }
}
