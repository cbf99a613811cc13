using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Evaluation.Baselines;

/// <summary>
/// The classic baseline <c>mean + userBias + productBias</c>, fitted by regularised alternating least squares
/// (<see cref="BiasPredictorOptions"/>): each pass sets every product bias to its ratings' mean residual shrunk by λ,
/// then every user bias likewise. An id not seen in training has bias 0. Predictions are clipped to the range of
/// the training ratings, as the served model clips to the rating scale.
/// </summary>
public sealed class BiasPredictor : IRatingPredictor
{
    private readonly Dictionary<string, float> _userBias;
    private readonly Dictionary<string, float> _productBias;
    private readonly float _min;
    private readonly float _max;

    private BiasPredictor(float mean, Dictionary<string, float> userBias, Dictionary<string, float> productBias, float min, float max)
    {
        GlobalMean = mean;
        _userBias = userBias;
        _productBias = productBias;
        _min = min;
        _max = max;
    }

    /// <summary>The mean training rating.</summary>
    public float GlobalMean { get; }

    /// <summary>Fits the baseline on <paramref name="train"/> (default options when null).</summary>
    public static BiasPredictor Train(IReadOnlyList<RatingExample> train, BiasPredictorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new BiasPredictorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Regularization);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Passes);

        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        var products = new Dictionary<string, int>(StringComparer.Ordinal);
        var userOf = new int[train.Count];
        var productOf = new int[train.Count];
        var mean = 0.0;
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        for (var i = 0; i < train.Count; i++)
        {
            userOf[i] = IndexOf(users, train[i].UserId);
            productOf[i] = IndexOf(products, train[i].ProductId);
            mean += train[i].Target;
            min = Math.Min(min, train[i].Target);
            max = Math.Max(max, train[i].Target);
        }

        mean = train.Count == 0 ? 0 : mean / train.Count;
        var userBias = new double[users.Count];
        var productBias = new double[products.Count];
        for (var pass = 0; pass < options.Passes; pass++)
        {
            Fit(train, mean, productOf, productBias, userOf, userBias, options.Regularization);
            Fit(train, mean, userOf, userBias, productOf, productBias, options.Regularization);
        }

        return new BiasPredictor(
            (float)mean,
            users.ToDictionary(u => u.Key, u => (float)userBias[u.Value], StringComparer.Ordinal),
            products.ToDictionary(p => p.Key, p => (float)productBias[p.Value], StringComparer.Ordinal),
            train.Count == 0 ? float.NegativeInfinity : min,
            train.Count == 0 ? float.PositiveInfinity : max);
    }

    /// <summary>The user's bias, 0 for a user not seen in training.</summary>
    public float UserBias(string userId) => _userBias.GetValueOrDefault(userId);

    /// <summary>The product's bias, 0 for a product not seen in training.</summary>
    public float ProductBias(string productId) => _productBias.GetValueOrDefault(productId);

    /// <inheritdoc />
    public float Predict(RatingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return Math.Clamp(GlobalMean + UserBias(example.UserId) + ProductBias(example.ProductId), _min, _max);
    }

    // One half-pass: every bias of one side becomes Σ(r − mean − other side's bias) / (λ + n).
    private static void Fit(IReadOnlyList<RatingExample> train, double mean, int[] ownOf, double[] own, int[] otherOf, double[] other, double lambda)
    {
        var sums = new double[own.Length];
        var counts = new int[own.Length];
        for (var i = 0; i < train.Count; i++)
        {
            sums[ownOf[i]] += train[i].Target - mean - other[otherOf[i]];
            counts[ownOf[i]]++;
        }

        for (var j = 0; j < own.Length; j++)
        {
            own[j] = lambda + counts[j] > 0 ? sums[j] / (lambda + counts[j]) : 0;
        }
    }

    private static int IndexOf(Dictionary<string, int> index, string id)
    {
        if (!index.TryGetValue(id, out var at))
        {
            at = index.Count;
            index[id] = at;
        }

        return at;
    }
}
