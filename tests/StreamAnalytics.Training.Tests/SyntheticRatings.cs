using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Tests;

/// <summary>
/// Ratings from a known latent-factor model: 3 + bu + bp + u·p + feature effects + Gaussian noise, so the best R² any
/// model can reach on a test set is that of the noise-free function (<see cref="Split.TrueMean"/>).
/// </summary>
internal sealed class SyntheticRatings
{
    private readonly int _users;
    private readonly int _products;
    private readonly int _features;
    private readonly double[] _userBias;
    private readonly double[] _productBias;
    private readonly double[,] _userFactors;
    private readonly double[,] _productFactors;
    private readonly int _trueFactors;

    public SyntheticRatings(int users, int products, int features, int seed, int trueFactors = 3)
    {
        _users = users;
        _products = products;
        _features = features;
        _trueFactors = trueFactors;
        var random = new Random(seed);
        _userBias = Draw(random, users, 0.4);
        _productBias = Draw(random, products, 0.4);
        _userFactors = Draw(random, users, trueFactors, 0.6);
        _productFactors = Draw(random, products, trueFactors, 0.6);
    }

    public double Noise { get; init; } = 0.5;

    /// <summary>
    /// Feature 0 moves the rating linearly and feature 2 through a hinge; feature 1 is a price-like column with a
    /// large offset and no effect, feature 3 is constant; any further features are noise.
    /// </summary>
    public static string[] FeatureNames(int count) => [.. Enumerable.Range(0, count).Select(i => $"f{i}")];

    public Split Sample(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new RatingExample[count];
        var trueMean = new double[count];
        for (var n = 0; n < count; n++)
        {
            var u = random.Next(_users);
            var p = random.Next(_products);
            var x = new float[_features];
            for (var j = 0; j < _features; j++)
            {
                x[j] = j switch
                {
                    1 => (float)(50 + (20 * Gaussian(random))),
                    3 => 7f,
                    _ => (float)Gaussian(random),
                };
            }

            var mean = 3 + _userBias[u] + _productBias[p] + FeatureEffect(x);
            for (var k = 0; k < _trueFactors; k++)
            {
                mean += _userFactors[u, k] * _productFactors[p, k];
            }

            trueMean[n] = mean;
            examples[n] = new RatingExample($"u{u}", $"p{p}", DateTimeOffset.UnixEpoch.AddSeconds(n), x, (float)(mean + (Noise * Gaussian(random))));
        }

        return new Split(examples, trueMean);
    }

    public static double RSquared(IReadOnlyList<float> targets, IReadOnlyList<double> predictions)
    {
        var mean = targets.Average(t => (double)t);
        double residual = 0, total = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            residual += (targets[i] - predictions[i]) * (targets[i] - predictions[i]);
            total += (targets[i] - mean) * (targets[i] - mean);
        }

        return 1 - (residual / total);
    }

    public static double FeatureEffect(float[] x)
    {
        var effect = 0.0;
        if (x.Length > 0)
        {
            effect += 0.3 * x[0];
        }

        if (x.Length > 2)
        {
            effect += 0.4 * Math.Max(x[2], 0);
        }

        return effect;
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        return radius * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    private static double[] Draw(Random random, int count, double std)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = std * Gaussian(random);
        }

        return values;
    }

    private static double[,] Draw(Random random, int rows, int columns, double std)
    {
        var values = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[i, j] = std * Gaussian(random);
            }
        }

        return values;
    }

    /// <summary>Examples with the noise-free rating of each.</summary>
    internal sealed record Split(RatingExample[] Examples, double[] TrueMean)
    {
        public (Split Head, Split Tail) Take(int count) => (
            new Split(Examples[..count], TrueMean[..count]),
            new Split(Examples[count..], TrueMean[count..]));
    }
}
