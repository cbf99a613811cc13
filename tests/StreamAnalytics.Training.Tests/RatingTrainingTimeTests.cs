using StreamAnalytics.Training.Rating;
using Xunit.Abstractions;

namespace StreamAnalytics.Training.Tests;

[Collection(TrainingGroup.Name)]
public sealed class RatingTrainingTimeTests(ITestOutputHelper output)
{
    // Measures, never asserts: the machine is shared, so a time bound would be flaky. The target is well under 60 s.
    [Fact]
    public void Training_time_for_100k_ratings_is_reported()
    {
        const int features = 30;
        var generator = new SyntheticRatings(users: 2000, products: 500, features, seed: 11);
        var all = generator.Sample(125_000, seed: 12);
        var (train, rest) = all.Take(100_000);
        var (validation, test) = rest.Take(12_500);
        var names = SyntheticRatings.FeatureNames(features);
        var users = RatingVocabulary.Of(train.Examples.Select(e => e.UserId));
        var products = RatingVocabulary.Of(train.Examples.Select(e => e.ProductId));
        RatingTrainingData Data(SyntheticRatings.Split split) =>
            RatingTrainingData.FromExamples(split.Examples, users, products, names);
        var testData = Data(test);

        using var result = new RatingTrainer(SyntheticModelFixture.Options()).Train(Data(train), Data(validation));

        var predictions = result.Network.Predict(testData.UserIndex, testData.ProductIndex, testData.Features);
        var trained = SyntheticRatings.RSquared(testData.Target, [.. predictions.Select(p => (double)p)]);
        var achievable = SyntheticRatings.RSquared(testData.Target, test.TrueMean);
        output.WriteLine(
            $"100,000 ratings (2,000 users, 500 products, F = {features}): {result.Seconds:F1} s for "
            + $"{result.Epochs.Count} epochs (best {result.BestEpoch}), {result.Seconds / result.Epochs.Count:F2} s/epoch; "
            + $"test R² {trained:F4} of an achievable {achievable:F4}");
        Assert.True(result.Seconds > 0);
    }
}
