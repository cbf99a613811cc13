using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Evaluation.Baselines;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// The baselines written as weights of the served architecture, so whatever the promotion gate chooses is exported
/// and served the same way: factors, features and the MLP are zero, and only the biases carry the baseline.
/// </summary>
public static class BaselineRatingWeights
{
    /// <summary>The training mean for every pair.</summary>
    public static RatingModelWeights GlobalMean(GlobalMeanPredictor baseline, IReadOnlyList<string> featureNames, float ratingMin, float ratingMax)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Build(baseline.Mean, [], [], _ => 0, _ => 0, featureNames, ratingMin, ratingMax);
    }

    /// <summary>The mean plus the user's and the product's bias, for the ids the baseline was fitted on.</summary>
    public static RatingModelWeights Biases(BiasPredictor baseline, IReadOnlyList<string> userIds, IReadOnlyList<string> productIds, IReadOnlyList<string> featureNames, float ratingMin, float ratingMax)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Build(baseline.GlobalMean, userIds, productIds, baseline.UserBias, baseline.ProductBias, featureNames, ratingMin, ratingMax);
    }

    private static RatingModelWeights Build(
        float mean, IReadOnlyList<string> userIds, IReadOnlyList<string> productIds, Func<string, float> userBias, Func<string, float> productBias,
        IReadOnlyList<string> featureNames, float ratingMin, float ratingMax)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        // One factor and one hidden unit, all zero: the smallest tables the contract allows.
        const int Factors = 1;
        const int Hidden = 1;
        var features = featureNames.Count;
        return new RatingModelWeights
        {
            Factors = Factors,
            Hidden = Hidden,
            FeatureCount = features,
            UserIds = [.. userIds],
            ProductIds = [.. productIds],
            FeatureNames = [.. featureNames],
            GlobalBias = mean,
            UserBias = [0f, .. userIds.Select(userBias)],
            ProductBias = [0f, .. productIds.Select(productBias)],
            UserFactors = new float[(userIds.Count + 1) * Factors],
            ProductFactors = new float[(productIds.Count + 1) * Factors],
            FeatureMean = new float[features],
            FeatureInvStd = new float[features],
            HiddenWeight = new float[Hidden * ((2 * Factors) + features)],
            HiddenBias = new float[Hidden],
            OutputWeight = new float[Hidden],
            OutputBias = 0f,
            RatingMin = ratingMin,
            RatingMax = ratingMax,
        };
    }
}
