using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

/// <summary>Rating model weights for tests: random ones of a given size, or constant ones that predict a known value.</summary>
internal static class RatingWeightsFactory
{
    public static IReadOnlyList<string> FeatureNames(int count) => [.. Enumerable.Range(0, count).Select(i => $"feature_{i}")];

    /// <summary>Weights drawn uniformly from [-scale, scale], sizes as given, rating range [1, 5].</summary>
    public static RatingModelWeights Random(int seed, int users = 20, int products = 30, int factors = 4, int hidden = 8, int features = 5, float scale = 0.6f)
    {
        var random = new Random(seed);
        float[] Draw(long n) => [.. Enumerable.Range(0, checked((int)n)).Select(_ => ((float)random.NextDouble() * 2 - 1) * scale)];
        return new RatingModelWeights
        {
            Factors = factors,
            Hidden = hidden,
            FeatureCount = features,
            UserIds = [.. Enumerable.Range(0, users).Select(i => $"user-{i}")],
            ProductIds = [.. Enumerable.Range(0, products).Select(i => $"product-{i}")],
            FeatureNames = FeatureNames(features),
            GlobalBias = 3f,
            UserBias = Draw(users + 1),
            ProductBias = Draw(products + 1),
            UserFactors = Draw((users + 1L) * factors),
            ProductFactors = Draw((products + 1L) * factors),
            FeatureMean = [.. Enumerable.Range(0, features).Select(i => i * 10f)],
            FeatureInvStd = [.. Enumerable.Range(0, features).Select(i => 1f / (1 + i))],
            HiddenWeight = Draw((long)hidden * ((2 * factors) + features)),
            HiddenBias = Draw(hidden),
            OutputWeight = Draw(hidden),
            OutputBias = 0.1f,
            RatingMin = 1f,
            RatingMax = 5f,
        };
    }

    /// <summary>Weights whose every prediction is exactly <paramref name="value"/> (all zero but the global bias).</summary>
    public static RatingModelWeights Constant(float value, int features = 3) => Random(0, users: 3, products: 3, factors: 2, hidden: 2, features: features) with
    {
        GlobalBias = value,
        UserBias = new float[4],
        ProductBias = new float[4],
        UserFactors = new float[8],
        ProductFactors = new float[8],
        HiddenWeight = new float[2 * (4 + features)],
        HiddenBias = new float[2],
        OutputWeight = new float[2],
        OutputBias = 0f,
        RatingMin = -1000f,
        RatingMax = 1000f,
    };
}
