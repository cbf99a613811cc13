namespace StreamAnalytics.Synthetic;

/// <summary>
/// How the synthetic feed rates: the latent score <c>3 + biases + factors · factors</c> plus Gaussian noise, clamped to
/// the 1-5 scale. The best any model can predict is the expected clamped rating given the user and product, which is
/// known in closed form; comparing it with the ratings actually drawn gives the best achievable R² of the feed.
/// </summary>
public sealed class RatingModel(double noiseStandardDeviation)
{
    public const double Min = 1;
    public const double Max = 5;

    public double NoiseStandardDeviation { get; } = noiseStandardDeviation;

    /// <summary>The latent score of a user-product pair, before noise and clamping.</summary>
    public static double Score(SyntheticUser user, SyntheticProduct product)
    {
        var score = 3.0 + user.Bias + product.Bias;
        for (var i = 0; i < user.Factors.Length; i++)
        {
            score += user.Factors[i] * product.Factors[i];
        }

        return score;
    }

    /// <summary>A rating drawn for the pair, rounded to one decimal as a user interface would.</summary>
    public double Draw(SyntheticUser user, SyntheticProduct product, Random random) =>
        Math.Round(Math.Clamp(Score(user, product) + (Gaussian.Next(random) * NoiseStandardDeviation), Min, Max), 1);

    /// <summary>
    /// E[clamp(mu + noise, Min, Max)]: the best possible prediction for the pair (the mean of a normal clipped to the
    /// scale). Rounding to one decimal moves it by far less than the noise, and is ignored.
    /// </summary>
    public double Expected(SyntheticUser user, SyntheticProduct product)
    {
        var mu = Score(user, product);
        var sigma = NoiseStandardDeviation;
        if (sigma <= 0)
        {
            return Math.Clamp(mu, Min, Max);
        }

        var alpha = (Min - mu) / sigma;
        var beta = (Max - mu) / sigma;
        var below = Gaussian.Cdf(alpha);
        var above = 1.0 - Gaussian.Cdf(beta);
        return (Min * below) + (Max * above) + (mu * (1.0 - below - above)) + (sigma * (Gaussian.Density(alpha) - Gaussian.Density(beta)));
    }
}
