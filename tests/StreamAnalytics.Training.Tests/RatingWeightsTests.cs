using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.Training.Tests;

[Collection(TrainingGroup.Name)]
public sealed class RatingWeightsTests(SyntheticModelFixture model)
{
    [Fact]
    public void ToWeights_matches_a_plain_forward_pass_of_the_contract()
    {
        var weights = model.Result.ToWeights();
        var test = model.Test;
        var f = test.FeatureCount;
        // Unknown rows too, and a few examples pushed past the rating range so the clip is exercised.
        var users = test.UserIndex.Select((u, i) => i % 7 == 0 ? 0 : u).ToArray();
        var products = test.ProductIndex.Select((p, i) => i % 5 == 0 ? 0 : p).ToArray();
        var features = (float[])test.Features.Clone();
        for (var i = 0; i < test.Count; i += 11)
        {
            features[i * f] = i % 2 == 0 ? 60f : -60f;
        }

        var predictions = model.Result.Network.Predict(users, products, features);

        for (var i = 0; i < test.Count; i++)
        {
            var expected = ReferenceRatingModel.Predict(weights, users[i], products[i], features.AsSpan(i * f, f));
            Assert.True(Math.Abs(expected - predictions[i]) <= 1e-5, $"example {i}: {expected} vs {predictions[i]}");
        }

        Assert.Contains(predictions, p => p == weights.RatingMax);
        Assert.Contains(predictions, p => p == weights.RatingMin);
    }

    [Fact]
    public void ToWeights_has_the_contract_layout()
    {
        var weights = model.Result.ToWeights();

        weights.Validate();
        Assert.Equal(model.UserIds, weights.UserIds);
        Assert.Equal(model.ProductIds, weights.ProductIds);
        Assert.Equal(model.FeatureNames, weights.FeatureNames);
        Assert.Equal((model.UserIds.Count + 1) * weights.Factors, weights.UserFactors.Length);
        Assert.Equal(weights.Hidden * ((2 * weights.Factors) + weights.FeatureCount), weights.HiddenWeight.Length);
        // The constant feature (f3) is switched off rather than divided by a zero deviation.
        Assert.Equal(0f, weights.FeatureInvStd[3]);
    }

    [Fact]
    public void Weights_rebuild_a_network_that_predicts_the_same()
    {
        var weights = model.Result.ToWeights();
        var test = model.Test;

        using var rebuilt = RatingNetwork.FromWeights(weights);

        Assert.Equal(
            model.Result.Network.Predict(test.UserIndex, test.ProductIndex, test.Features),
            rebuilt.Predict(test.UserIndex, test.ProductIndex, test.Features));
        Assert.Equal(weights, rebuilt.ToWeights(weights.UserIds, weights.ProductIds, weights.FeatureNames), WeightsComparer.Instance);
    }

    [Fact]
    public void Validate_names_the_first_inconsistent_length()
    {
        var weights = model.Result.ToWeights() with { ProductBias = new float[3] };

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Contains(nameof(RatingModelWeights.ProductBias), error.Message, StringComparison.Ordinal);
    }

    /// <summary>Compares every array element by element (records compare arrays by reference).</summary>
    private sealed class WeightsComparer : IEqualityComparer<RatingModelWeights>
    {
        public static readonly WeightsComparer Instance = new();

        public bool Equals(RatingModelWeights? x, RatingModelWeights? y) =>
            x is not null && y is not null
            && x.GlobalBias == y.GlobalBias && x.OutputBias == y.OutputBias
            && x.UserBias.SequenceEqual(y.UserBias) && x.ProductBias.SequenceEqual(y.ProductBias)
            && x.UserFactors.SequenceEqual(y.UserFactors) && x.ProductFactors.SequenceEqual(y.ProductFactors)
            && x.FeatureMean.SequenceEqual(y.FeatureMean) && x.FeatureInvStd.SequenceEqual(y.FeatureInvStd)
            && x.HiddenWeight.SequenceEqual(y.HiddenWeight) && x.HiddenBias.SequenceEqual(y.HiddenBias)
            && x.OutputWeight.SequenceEqual(y.OutputWeight);

        public int GetHashCode(RatingModelWeights obj) => obj.Factors;
    }
}
