namespace StreamAnalytics.Training.Rating;

/// <summary>The standardisation constants of the side features, computed on the training split only.</summary>
internal static class RatingFeatureScaling
{
    /// <summary>
    /// Per feature, the mean and 1 / standard deviation (population). A feature that is constant in training gets
    /// inverse 0: it carries no information, and 0 keeps serving-time values from moving the output through weights
    /// that never received a gradient.
    /// </summary>
    public static (float[] Mean, float[] InvStd) Compute(RatingTrainingData data)
    {
        var f = data.FeatureCount;
        var n = data.Count;
        var sum = new double[f];
        var sumSquares = new double[f];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < f; j++)
            {
                sum[j] += data.Features[(i * f) + j];
            }
        }

        var mean = new double[f];
        for (var j = 0; j < f; j++)
        {
            mean[j] = n == 0 ? 0 : sum[j] / n;
        }

        // Two passes (centre first) so large offsets such as prices do not cancel catastrophically.
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < f; j++)
            {
                var centred = data.Features[(i * f) + j] - mean[j];
                sumSquares[j] += centred * centred;
            }
        }

        var means = new float[f];
        var invStd = new float[f];
        for (var j = 0; j < f; j++)
        {
            var std = n == 0 ? 0 : Math.Sqrt(sumSquares[j] / n);
            means[j] = (float)mean[j];
            invStd[j] = std > 1e-12 ? (float)(1 / std) : 0f;
        }

        return (means, invStd);
    }
}
