using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// The rating model of the contract: user and product biases and latent factors (row 0 of each table is the
/// "unknown" row), standardised side features, and a one-hidden-layer MLP over [user factors, product factors,
/// features], all added to a global bias. <see cref="forward"/> returns the unclipped <c>raw</c> score that training
/// minimises the squared error of; <see cref="Predict(Tensor, Tensor, Tensor)"/> clips it to the rating range.
/// </summary>
public sealed class RatingNetwork : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Embedding _userFactors;
    private readonly Embedding _productFactors;
    private readonly Embedding _userBias;
    private readonly Embedding _productBias;
    private readonly Linear _hidden;
    private readonly Linear _output;
    private readonly Parameter _globalBias;
    private readonly Tensor _featureMean;
    private readonly Tensor _featureInvStd;

    /// <summary>Creates a network with zero biases and factors drawn from <paramref name="generator"/>.</summary>
    /// <param name="userCount">Known users U; the user tables get U + 1 rows.</param>
    /// <param name="productCount">Known products P; the product tables get P + 1 rows.</param>
    /// <param name="factors">Latent factors K.</param>
    /// <param name="hidden">Hidden units H.</param>
    /// <param name="featureMean">Mean subtracted from each raw feature (length F).</param>
    /// <param name="featureInvStd">Factor each centred feature is multiplied by (length F).</param>
    /// <param name="globalBias">Initial global bias (the trainer starts it at the training mean).</param>
    /// <param name="ratingMin">Lowest rating <see cref="Predict(Tensor, Tensor, Tensor)"/> returns.</param>
    /// <param name="ratingMax">Highest rating <see cref="Predict(Tensor, Tensor, Tensor)"/> returns.</param>
    /// <param name="generator">Random source of the initial weights; null uses torch's global generator.</param>
    public RatingNetwork(
        int userCount,
        int productCount,
        int factors,
        int hidden,
        float[] featureMean,
        float[] featureInvStd,
        float globalBias,
        float ratingMin,
        float ratingMax,
        Generator? generator = null)
        : base(nameof(RatingNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(productCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentNullException.ThrowIfNull(featureMean);
        ArgumentNullException.ThrowIfNull(featureInvStd);
        if (featureMean.Length != featureInvStd.Length)
        {
            throw new ArgumentException(
                $"featureInvStd has length {featureInvStd.Length}, featureMean {featureMean.Length}.", nameof(featureInvStd));
        }

        if (!(ratingMin <= ratingMax))
        {
            throw new ArgumentException($"ratingMin ({ratingMin}) must not exceed ratingMax ({ratingMax}).", nameof(ratingMin));
        }

        UserCount = userCount;
        ProductCount = productCount;
        Factors = factors;
        Hidden = hidden;
        FeatureCount = featureMean.Length;
        RatingMin = ratingMin;
        RatingMax = ratingMax;

        _userFactors = nn.Embedding(userCount + 1, factors);
        _productFactors = nn.Embedding(productCount + 1, factors);
        _userBias = nn.Embedding(userCount + 1, 1);
        _productBias = nn.Embedding(productCount + 1, 1);
        _hidden = nn.Linear((2 * factors) + FeatureCount, hidden);
        _output = nn.Linear(hidden, 1);
        _globalBias = new Parameter(tensor(globalBias));
        _featureMean = tensor(featureMean, [FeatureCount]);
        _featureInvStd = tensor(featureInvStd, [FeatureCount]);

        // Names follow the contract, so a saved state dictionary reads like the weights record.
        register_module("user_factors", _userFactors);
        register_module("product_factors", _productFactors);
        register_module("user_bias", _userBias);
        register_module("product_bias", _productBias);
        register_module("hidden", _hidden);
        register_module("output", _output);
        register_parameter("global_bias", _globalBias);
        register_buffer("feature_mean", _featureMean);
        register_buffer("feature_inv_std", _featureInvStd);

        Initialise(generator);
    }

    /// <summary>Known users U (the user tables have U + 1 rows).</summary>
    public int UserCount { get; }

    /// <summary>Known products P (the product tables have P + 1 rows).</summary>
    public int ProductCount { get; }

    /// <summary>Latent factors K.</summary>
    public int Factors { get; }

    /// <summary>Hidden units H.</summary>
    public int Hidden { get; }

    /// <summary>Side features F.</summary>
    public int FeatureCount { get; }

    /// <summary>Lowest predicted rating.</summary>
    public float RatingMin { get; }

    /// <summary>Highest predicted rating.</summary>
    public float RatingMax { get; }

    /// <summary>Rebuilds a network holding exactly the given weights.</summary>
    public static RatingNetwork FromWeights(RatingModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        var network = new RatingNetwork(
            weights.UserIds.Count,
            weights.ProductIds.Count,
            weights.Factors,
            weights.Hidden,
            weights.FeatureMean,
            weights.FeatureInvStd,
            weights.GlobalBias,
            weights.RatingMin,
            weights.RatingMax);
        network.Load(weights);
        return network;
    }

    /// <summary>The unclipped score <c>raw</c> of the contract, shape [N].</summary>
    /// <param name="userIndex">int64 [N], rows of the user tables (0 = unknown).</param>
    /// <param name="productIndex">int64 [N], rows of the product tables (0 = unknown).</param>
    /// <param name="features">float32 [N, F], raw (unscaled) side features.</param>
    public override Tensor forward(Tensor userIndex, Tensor productIndex, Tensor features)
    {
        using var scope = NewDisposeScope();
        var x = features.Minus(_featureMean) * _featureInvStd;
        var ue = _userFactors.forward(userIndex);
        var pe = _productFactors.forward(productIndex);
        var bu = _userBias.forward(userIndex).squeeze(1);
        var bp = _productBias.forward(productIndex).squeeze(1);
        var dot = (ue * pe).sum(1);
        var h = nn.functional.relu(_hidden.forward(cat([ue, pe, x], 1)));
        var m = _output.forward(h).squeeze(1);
        var raw = _globalBias.Plus(bu).Plus(bp).Plus(dot).Plus(m);
        return scope.MoveToOuter(raw);
    }

    /// <summary>The predicted rating, <c>raw</c> clipped to [<see cref="RatingMin"/>, <see cref="RatingMax"/>], shape [N].</summary>
    public Tensor Predict(Tensor userIndex, Tensor productIndex, Tensor features)
    {
        using var noGrad = no_grad();
        using var raw = forward(userIndex, productIndex, features);
        // Explicit scalars held to the end of the call: an implicitly converted one may be finalised while libtorch
        // still reads it (see RowPriors).
        using var min = RatingMin.ToScalar();
        using var max = RatingMax.ToScalar();
        return raw.clamp(min, max);
    }

    /// <summary>Predicted ratings for N examples given as arrays (features row-major N × F).</summary>
    public float[] Predict(long[] userIndex, long[] productIndex, float[] features)
    {
        ArgumentNullException.ThrowIfNull(userIndex);
        ArgumentNullException.ThrowIfNull(productIndex);
        ArgumentNullException.ThrowIfNull(features);
        var n = userIndex.Length;
        if (productIndex.Length != n || features.Length != (long)n * FeatureCount)
        {
            throw new ArgumentException(
                $"Expected {n} product indices and {n}×{FeatureCount} features, got {productIndex.Length} and {features.Length}.");
        }

        using var scope = NewDisposeScope();
        var rating = Predict(tensor(userIndex, [n]), tensor(productIndex, [n]), tensor(features, [n, FeatureCount]));
        return rating.data<float>().ToArray();
    }

    /// <summary>
    /// Exact float copies of every weight in the contract's layout. The vocabularies name rows 1.. of the tables, so
    /// their lengths must be <see cref="UserCount"/>, <see cref="ProductCount"/> and <see cref="FeatureCount"/>.
    /// </summary>
    public RatingModelWeights ToWeights(
        IReadOnlyList<string> userIds, IReadOnlyList<string> productIds, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(productIds);
        ArgumentNullException.ThrowIfNull(featureNames);
        var weights = new RatingModelWeights
        {
            Factors = Factors,
            Hidden = Hidden,
            FeatureCount = FeatureCount,
            UserIds = [.. userIds],
            ProductIds = [.. productIds],
            FeatureNames = [.. featureNames],
            GlobalBias = ToArray(_globalBias)[0],
            UserBias = ToArray(_userBias.weight),
            ProductBias = ToArray(_productBias.weight),
            UserFactors = ToArray(_userFactors.weight),
            ProductFactors = ToArray(_productFactors.weight),
            FeatureMean = ToArray(_featureMean),
            FeatureInvStd = ToArray(_featureInvStd),
            HiddenWeight = ToArray(_hidden.weight),
            HiddenBias = ToArray(_hidden.bias),
            OutputWeight = ToArray(_output.weight),
            OutputBias = ToArray(_output.bias)[0],
            RatingMin = RatingMin,
            RatingMax = RatingMax,
        };
        weights.Validate();
        return weights;
    }

    /// <summary>Overwrites every weight and buffer with the given ones (same dimensions; vocabularies are not checked).</summary>
    public void Load(RatingModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        if (weights.UserIds.Count != UserCount || weights.ProductIds.Count != ProductCount
            || weights.Factors != Factors || weights.Hidden != Hidden || weights.FeatureCount != FeatureCount)
        {
            throw new ArgumentException("The weights' dimensions differ from this network's.", nameof(weights));
        }

        using var noGrad = no_grad();
        Copy(_globalBias, [weights.GlobalBias]);
        Copy(_userBias.weight, weights.UserBias);
        Copy(_productBias.weight, weights.ProductBias);
        Copy(_userFactors.weight, weights.UserFactors);
        Copy(_productFactors.weight, weights.ProductFactors);
        Copy(_featureMean, weights.FeatureMean);
        Copy(_featureInvStd, weights.FeatureInvStd);
        Copy(_hidden.weight, weights.HiddenWeight);
        Copy(_hidden.bias, weights.HiddenBias);
        Copy(_output.weight, weights.OutputWeight);
        Copy(_output.bias, [weights.OutputBias]);
    }

    /// <summary>Per example, the squared norms of the factor rows and the squared biases it looks up, each [N].</summary>
    internal (Tensor UserFactors, Tensor UserBiases, Tensor ProductFactors, Tensor ProductBiases) RowSquares(
        Tensor userIndex, Tensor productIndex)
    {
        var userFactors = _userFactors.forward(userIndex).square().sum(1);
        var userBiases = _userBias.forward(userIndex).squeeze(1).square();
        var productFactors = _productFactors.forward(productIndex).square().sum(1);
        var productBiases = _productBias.forward(productIndex).squeeze(1).square();
        return (userFactors, userBiases, productFactors, productBiases);
    }

    /// <summary>The sum of the squared hidden and output layer weights (not their biases), a scalar.</summary>
    internal Tensor LayerWeightSquares() => _hidden.weight!.square().sum().Plus(_output.weight!.square().sum());

    private void Initialise(Generator? generator)
    {
        // Factors start small but not zero (a zero start has no gradient through the dot product); biases start at
        // zero so the global bias alone explains the first predictions. Linear layers are re-drawn from the same
        // generator, so one seed fixes the whole initial state.
        const double factorStd = 0.1;
        using var noGrad = no_grad();
        nn.init.normal_(_userFactors.weight, 0, factorStd, generator);
        nn.init.normal_(_productFactors.weight, 0, factorStd, generator);
        nn.init.zeros_(_userBias.weight);
        nn.init.zeros_(_productBias.weight);
        InitialiseLinear(_hidden, generator);
        InitialiseLinear(_output, generator);
    }

    private static void InitialiseLinear(Linear layer, Generator? generator)
    {
        var bound = 1.0 / Math.Sqrt(layer.in_features);
        nn.init.uniform_(layer.weight, -bound, bound, generator);
        nn.init.uniform_(layer.bias, -bound, bound, generator);
    }

    private static float[] ToArray(Tensor? tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        return tensor.detach().contiguous().data<float>().ToArray();
    }

    private static void Copy(Tensor? target, float[] values)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        target.copy_(tensor(values).reshape(target.shape));
    }
}
