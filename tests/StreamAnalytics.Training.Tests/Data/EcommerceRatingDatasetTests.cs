using System.Globalization;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Rating.Data;
using Xunit.Abstractions;
using static StreamAnalytics.Training.Tests.Data.TestRatings;

namespace StreamAnalytics.Training.Tests.Data;

public sealed class EcommerceRatingDatasetTests(ITestOutputHelper output)
{
    private static readonly string Folder =
        SharedDatasets.Folder("ecommerce", EcommerceRatingDataset.InteractionsFile, EcommerceRatingDataset.CustomersFile);

    private static readonly Lazy<RatingDataset> Dataset = new(() => EcommerceRatingDataset.Load(Folder));

    [Fact]
    public void Every_interaction_user_gives_one_example_with_a_target_in_zero_to_one()
    {
        var examples = Dataset.Value.Examples;

        Assert.Equal(2_999, examples.Count);
        Assert.Equal(2_999, examples.Select(e => e.UserId).Distinct().Count());
        Assert.All(examples, e => Assert.InRange(e.Target, 0f, 1f));
        Assert.All(examples, e => Assert.Equal(RatingFeatureVector.Count, e.Features.Length));
        Assert.All(examples, e => Assert.All(e.Features, value => Assert.True(float.IsFinite(value))));
        Assert.Equal((0f, 1f), (Dataset.Value.RatingMin, Dataset.Value.RatingMax));
        Assert.Equal(examples.OrderBy(e => e.Timestamp).Select(e => e.UserId), examples.Select(e => e.UserId));
    }

    [Fact]
    public void The_target_is_the_review_rating_mapped_as_r_minus_1_over_4()
    {
        // Customer 1: Age 55, Kentucky, Clothing, 53 USD, Review Rating 3.1; interaction: purchase on 10 October 2023.
        var first = Dataset.Value.Examples.Single(e => e.UserId == "1");

        Assert.Equal((3.1f - 1) / 4, first.Target, 5);
        Assert.Equal(new DateTimeOffset(2023, 10, 10, 0, 0, 0, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(55f, Feature(first, "user_age"));
        Assert.Equal((float)Math.Log(2), Feature(first, "user_log_purchases"), 5);
        Assert.Equal((float)Math.Log(54), Feature(first, "user_log_spend"), 5);
        Assert.Equal((float)Math.Log(54), Feature(first, "product_log_price"), 5);
        Assert.Equal(1f, Feature(first, "user_location_" + FeatureHashing.Bucket("Kentucky", 8)));
        Assert.Equal(1f, Feature(first, "product_category_" + FeatureHashing.Bucket("Clothing", 8)));
    }

    [Fact]
    public void Rows_with_an_empty_interaction_type_keep_the_profile_with_nothing_counted()
    {
        // User 276's interaction has an empty type.
        var empty = Dataset.Value.Examples.Single(e => e.UserId == "276");

        Assert.Equal(1f, Feature(empty, "user_known"));
        Assert.Equal(1f, Feature(empty, "user_age_known"));
        Assert.Equal(1f, Feature(empty, "product_price_known"));
        Assert.Equal(0f, RatingFeatureVector.Names.Where(n => n.Contains("_log_", StringComparison.Ordinal) && !n.Contains("price", StringComparison.Ordinal)).Sum(n => Feature(empty, n)));
        Assert.Equal(128, Dataset.Value.Examples.Count(e => Feature(e, "user_known") == 1 && Feature(e, "user_log_views") + Feature(e, "user_log_likes") + Feature(e, "user_log_purchases") == 0));
    }

    [Fact]
    public void Profile_columns_are_appended_under_their_names_when_asked_for()
    {
        var withProfile = EcommerceRatingDataset.Load(Folder, profileColumns: true);
        var first = withProfile.Examples.Single(e => e.UserId == "1");

        Assert.Equal(RatingFeatureVector.Count + EcommerceRatingDataset.ProfileFeatureNames.Count, withProfile.FeatureNames.Count);
        Assert.Equal(withProfile.FeatureNames.Count, first.Features.Length);
        // Customer 1: Male, subscribed, discount and promo code used, 14 previous purchases, fortnightly.
        Assert.Equal([(float)Math.Log(15), 1, 1, 1, 1, (float)Math.Log(27)], first.Features[RatingFeatureVector.Count..]);
    }

    [Fact]
    public void The_seed_normalisation_is_most_likely_r_minus_1_over_4()
    {
        var ratings = Dataset.Value.Examples.Select(e => (4.0 * e.Target) + 1).ToList();
        var minusOneOverFour = Variance(ratings.Select(r => (r - 1) / 4));
        var overFive = Variance(ratings.Select(r => r / 5));
        var minMax = Variance(ratings.Select(r => (r - 2.5) / 2.5));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target variance: (r-1)/4 {minusOneOverFour:F5}, r/5 {overFive:F5}, min-max {minMax:F5}; seed's implied test variance {0.0436 / 1.16:F5}"));

        // The seed: test MSE 0.0436 at R² -0.16 means a test variance of about 0.0376.
        var implied = 0.0436 / 1.16;
        (string Name, double Variance)[] candidates = [("(r-1)/4", minusOneOverFour), ("r/5", overFive), ("min-max", minMax)];
        var closest = candidates.MinBy(v => Math.Abs(Math.Log(v.Variance / implied)));
        Assert.Equal("(r-1)/4", closest.Name);
        Assert.InRange(minusOneOverFour, 0.0315, 0.0323);
    }

    [Fact]
    public void On_the_seed_protocol_the_baselines_stay_near_zero_r2()
    {
        var dataset = Dataset.Value;
        var split = RatingSplits.TimeOrdered(dataset.Examples);
        var train = RatingSplits.Select(dataset.Examples, split.Train);
        var test = RatingSplits.Select(dataset.Examples, split.Test);

        var mean = GlobalMeanPredictor.Train(train).Score(test);
        var biases = BiasPredictor.Train(train).Score(test);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ecommerce test: n {test.Count}, global mean R² {mean.R2:F4} RMSE {mean.Rmse:F4}, biases R² {biases.R2:F4} RMSE {biases.Rmse:F4}"));

        // Every user and every product appears once, so no test id was seen in training: the biases fall back to the
        // mean, and neither can beat the test set's own mean by more than chance.
        Assert.Equal(mean.Mse!.Value, biases.Mse!.Value, 6);
        Assert.InRange(mean.R2!.Value, -0.02, 0.0);
    }

    private static double Variance(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return list.Sum(v => (v - mean) * (v - mean)) / list.Count;
    }
}
