using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.Training.Tests;

[Collection(TrainingGroup.Name)]
public sealed class RatingDeterminismTests
{
    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var first = Train(seed: 5);
        var second = Train(seed: 5);

        AssertIdentical(first, second);
    }

    [Fact]
    public void Training_depends_on_the_seed()
    {
        var first = Train(seed: 5);
        var other = Train(seed: 6);

        Assert.NotEqual(first.UserFactors, other.UserFactors);
    }

    private static RatingModelWeights Train(int seed)
    {
        var generator = new SyntheticRatings(users: 200, products: 60, features: 4, seed: 1);
        var (train, validation) = generator.Sample(6_000, seed: 2).Take(5_000);
        var names = SyntheticRatings.FeatureNames(4);
        var users = RatingVocabulary.Of(train.Examples.Select(e => e.UserId));
        var products = RatingVocabulary.Of(train.Examples.Select(e => e.ProductId));
        var options = new RatingTrainingOptions { Seed = seed, MaxEpochs = 5 };
        using var result = new RatingTrainer(options).Train(
            RatingTrainingData.FromExamples(train.Examples, users, products, names),
            RatingTrainingData.FromExamples(validation.Examples, users, products, names));
        return result.ToWeights();
    }

    private static void AssertIdentical(RatingModelWeights expected, RatingModelWeights actual)
    {
        Assert.Equal(expected.GlobalBias, actual.GlobalBias);
        Assert.Equal(expected.UserBias, actual.UserBias);
        Assert.Equal(expected.ProductBias, actual.ProductBias);
        Assert.Equal(expected.UserFactors, actual.UserFactors);
        Assert.Equal(expected.ProductFactors, actual.ProductFactors);
        Assert.Equal(expected.FeatureMean, actual.FeatureMean);
        Assert.Equal(expected.FeatureInvStd, actual.FeatureInvStd);
        Assert.Equal(expected.HiddenWeight, actual.HiddenWeight);
        Assert.Equal(expected.HiddenBias, actual.HiddenBias);
        Assert.Equal(expected.OutputWeight, actual.OutputWeight);
        Assert.Equal(expected.OutputBias, actual.OutputBias);
    }
}
