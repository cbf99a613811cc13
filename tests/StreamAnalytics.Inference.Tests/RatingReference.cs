using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

/// <summary>The contract's rating function written out straight from the weights, in double precision.</summary>
internal static class RatingReference
{
    /// <summary>The unclipped rating of one row.</summary>
    public static double Raw(RatingModelWeights w, long user, long product, ReadOnlySpan<float> features)
    {
        int k = w.Factors, f = w.FeatureCount, h = w.Hidden;
        var input = new double[(2 * k) + f];
        double dot = 0;
        for (var i = 0; i < k; i++)
        {
            double ue = w.UserFactors[(user * k) + i], pe = w.ProductFactors[(product * k) + i];
            input[i] = ue;
            input[k + i] = pe;
            dot += ue * pe;
        }

        for (var j = 0; j < f; j++)
        {
            input[(2 * k) + j] = (features[j] - (double)w.FeatureMean[j]) * w.FeatureInvStd[j];
        }

        double m = w.OutputBias;
        for (var o = 0; o < h; o++)
        {
            double sum = w.HiddenBias[o];
            for (var i = 0; i < input.Length; i++)
            {
                sum += w.HiddenWeight[(o * input.Length) + i] * input[i];
            }

            m += Math.Max(0, sum) * w.OutputWeight[o];
        }

        return w.GlobalBias + w.UserBias[user] + w.ProductBias[product] + dot + m;
    }

    /// <summary>The rating the model serves: <see cref="Raw"/> clipped to the rating range.</summary>
    public static double Predict(RatingModelWeights w, long user, long product, ReadOnlySpan<float> features) =>
        Math.Clamp(Raw(w, user, product, features), w.RatingMin, w.RatingMax);
}
