using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Training.Tests;

/// <summary>The contract's function written out in plain C# over the weights record, in double precision.</summary>
internal static class ReferenceRatingModel
{
    public static double Predict(RatingModelWeights w, long user, long product, ReadOnlySpan<float> features)
    {
        var k = w.Factors;
        var f = w.FeatureCount;
        var inputs = new double[(2 * k) + f];
        var dot = 0.0;
        for (var j = 0; j < k; j++)
        {
            var ue = (double)w.UserFactors[(user * k) + j];
            var pe = (double)w.ProductFactors[(product * k) + j];
            inputs[j] = ue;
            inputs[k + j] = pe;
            dot += ue * pe;
        }

        for (var j = 0; j < f; j++)
        {
            inputs[(2 * k) + j] = (features[j] - (double)w.FeatureMean[j]) * w.FeatureInvStd[j];
        }

        var m = (double)w.OutputBias;
        for (var h = 0; h < w.Hidden; h++)
        {
            var a = (double)w.HiddenBias[h];
            for (var i = 0; i < inputs.Length; i++)
            {
                a += w.HiddenWeight[(h * inputs.Length) + i] * inputs[i];
            }

            m += Math.Max(a, 0) * w.OutputWeight[h];
        }

        var raw = w.GlobalBias + w.UserBias[user] + w.ProductBias[product] + dot + m;
        return Math.Clamp(raw, w.RatingMin, w.RatingMax);
    }
}
