using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.Training.Tests;

/// <summary>
/// One model trained on 1,000 users × 300 products × 40,000 synthetic ratings (80% train, 10% validation, 10% test),
/// shared by the tests of the training group.
/// </summary>
public sealed class SyntheticModelFixture : IDisposable
{
    public const int Users = 1000;
    public const int Products = 300;
    public const int Features = 4;

    public SyntheticModelFixture()
    {
        var generator = new SyntheticRatings(Users, Products, Features, seed: 7);
        var all = generator.Sample(40_000, seed: 8);
        var (train, rest) = all.Take(32_000);
        var (validation, test) = rest.Take(4_000);
        FeatureNames = SyntheticRatings.FeatureNames(Features);
        UserIds = RatingVocabulary.Of(train.Examples.Select(e => e.UserId));
        ProductIds = RatingVocabulary.Of(train.Examples.Select(e => e.ProductId));
        Training = ToData(train);
        Validation = ToData(validation);
        Test = ToData(test);
        TestTrueMean = test.TrueMean;
        Result = new RatingTrainer(Options()).Train(Training, Validation);
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<string> UserIds { get; }

    public IReadOnlyList<string> ProductIds { get; }

    internal RatingTrainingData Training { get; }

    internal RatingTrainingData Validation { get; }

    internal RatingTrainingData Test { get; }

    internal double[] TestTrueMean { get; }

    internal RatingTrainingResult Result { get; }

    /// <summary>
    /// The defaults, with a rating range wide enough that clipping never distorts the comparison with the noise-free
    /// function (the synthetic ratings are not bounded to 1–5).
    /// </summary>
    public static RatingTrainingOptions Options() => new() { RatingMin = -5f, RatingMax = 11f };

    internal RatingTrainingData ToData(SyntheticRatings.Split split) =>
        RatingTrainingData.FromExamples(split.Examples, UserIds, ProductIds, FeatureNames);

    public void Dispose() => Result.Dispose();
}
