using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Training.Tests;

public sealed class RatingTrainingDataTests
{
    [Fact]
    public void Vocabulary_is_distinct_and_ordinally_sorted()
    {
        var vocabulary = RatingVocabulary.Of(["b", "a", "B", "b", "a"]);

        Assert.Equal(["B", "a", "b"], vocabulary);
    }

    [Fact]
    public void Ids_outside_the_vocabulary_get_the_unknown_row()
    {
        RatingExample[] examples =
        [
            new("u2", "p1", DateTimeOffset.UnixEpoch, [1f, 2f], 4f),
            new("new user", "p9", DateTimeOffset.UnixEpoch, [3f, 4f], 2f),
        ];

        var data = RatingTrainingData.FromExamples(examples, ["u1", "u2"], ["p1"], ["a", "b"]);

        Assert.Equal([2L, 0L], data.UserIndex);
        Assert.Equal([1L, 0L], data.ProductIndex);
        Assert.Equal([1f, 2f, 3f, 4f], data.Features);
        Assert.Equal([4f, 2f], data.Target);
        data.Validate();
    }

    [Fact]
    public void An_example_with_the_wrong_feature_count_is_rejected()
    {
        RatingExample[] examples = [new("u1", "p1", DateTimeOffset.UnixEpoch, [1f], 4f)];

        Assert.Throws<ArgumentException>(() => RatingTrainingData.FromExamples(examples, ["u1"], ["p1"], ["a", "b"]));
    }

    [Fact]
    public void Validate_rejects_a_row_outside_its_table()
    {
        var data = new RatingTrainingData
        {
            UserIndex = [3],
            ProductIndex = [0],
            Features = [],
            Target = [1f],
            FeatureNames = [],
            UserIds = ["u1", "u2"],
            ProductIds = [],
        };

        var error = Assert.Throws<ArgumentException>(data.Validate);

        Assert.Contains(nameof(RatingTrainingData.UserIndex), error.Message, StringComparison.Ordinal);
    }
}
