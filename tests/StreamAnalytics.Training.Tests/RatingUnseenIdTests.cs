using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.Training.Tests;

[Collection(TrainingGroup.Name)]
public sealed class RatingUnseenIdTests
{
    [Fact]
    public void A_vocabulary_id_absent_from_training_gets_the_unknown_row()
    {
        var generator = new SyntheticRatings(users: 100, products: 40, features: 2, seed: 3);
        var (train, validation) = generator.Sample(3_000, seed: 4).Take(2_500);
        var names = SyntheticRatings.FeatureNames(2);
        // "ghost" users and products are in the vocabularies but rate nothing.
        var users = RatingVocabulary.Of(train.Examples.Select(e => e.UserId).Append("ghost"));
        var products = RatingVocabulary.Of(train.Examples.Select(e => e.ProductId).Append("ghost"));

        using var result = new RatingTrainer(new RatingTrainingOptions { MaxEpochs = 3 }).Train(
            RatingTrainingData.FromExamples(train.Examples, users, products, names),
            RatingTrainingData.FromExamples(validation.Examples, users, products, names));

        var weights = result.ToWeights();
        var k = weights.Factors;
        var user = users.ToList().IndexOf("ghost") + 1;
        var product = products.ToList().IndexOf("ghost") + 1;
        Assert.Equal(weights.UserBias[0], weights.UserBias[user]);
        Assert.Equal(weights.UserFactors[..k], weights.UserFactors[(user * k)..((user + 1) * k)]);
        Assert.Equal(weights.ProductBias[0], weights.ProductBias[product]);
        Assert.Equal(weights.ProductFactors[..k], weights.ProductFactors[(product * k)..((product + 1) * k)]);
    }
}
