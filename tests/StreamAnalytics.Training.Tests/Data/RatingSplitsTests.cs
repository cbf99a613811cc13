using StreamAnalytics.Training.Rating.Data;
using static StreamAnalytics.Training.Tests.Data.TestRatings;

namespace StreamAnalytics.Training.Tests.Data;

public sealed class RatingSplitsTests
{
    // Minutes out of order, with ties, so the split has to sort.
    private static readonly IReadOnlyList<RatingExample> Examples =
        [.. Enumerable.Range(0, 101).Select(i => Example("u" + i, "p" + i, 3, minute: (i * 37) % 50))];

    [Fact]
    public void The_time_ordered_split_is_70_15_15_disjoint_complete_and_in_time_order()
    {
        var split = RatingSplits.TimeOrdered(Examples);

        Assert.Equal(70, split.Train.Count);
        Assert.Equal(15, split.Validation.Count);
        Assert.Equal(16, split.Test.Count);
        Assert.Equal(Enumerable.Range(0, 101), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        Assert.True(split.Train.Max(i => Examples[i].Timestamp) <= split.Validation.Min(i => Examples[i].Timestamp));
        Assert.True(split.Validation.Max(i => Examples[i].Timestamp) <= split.Test.Min(i => Examples[i].Timestamp));
    }

    [Fact]
    public void Ties_keep_their_input_order_so_the_split_is_stable()
    {
        var split = RatingSplits.TimeOrdered(Examples);
        var order = split.Train.Concat(split.Validation).Concat(split.Test).ToList();

        for (var i = 1; i < order.Count; i++)
        {
            var (previous, current) = (Examples[order[i - 1]], Examples[order[i]]);
            Assert.True(previous.Timestamp < current.Timestamp || (previous.Timestamp == current.Timestamp && order[i - 1] < order[i]));
        }

        var again = RatingSplits.TimeOrdered(Examples);
        Assert.Equal(order, again.Train.Concat(again.Validation).Concat(again.Test));
    }

    [Fact]
    public void Shares_that_add_up_past_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingSplits.TimeOrdered(Examples, 0.9, 0.2));
    }

    [Fact]
    public void K_folds_partition_the_examples_and_each_trains_on_the_others()
    {
        var folds = RatingSplits.KFold(101, 5, seed: 7);

        Assert.Equal(5, folds.Count);
        Assert.Equal([21, 20, 20, 20, 20], folds.Select(f => f.Test.Count));
        Assert.Equal(Enumerable.Range(0, 101), folds.SelectMany(f => f.Test).Order());
        foreach (var fold in folds)
        {
            Assert.Empty(fold.Train.Intersect(fold.Test));
            Assert.Empty(fold.Validation.Intersect(fold.Test));
            Assert.Empty(fold.Train.Intersect(fold.Validation));
            Assert.Equal(101, fold.Train.Count + fold.Validation.Count + fold.Test.Count);
            Assert.Equal((int)Math.Floor((101 - fold.Test.Count) * 0.1), fold.Validation.Count);
        }
    }

    [Fact]
    public void K_fold_shuffles_by_seed()
    {
        Assert.Equal(RatingSplits.KFold(50, 2, seed: 1)[0].Test, RatingSplits.KFold(50, 2, seed: 1)[0].Test);
        Assert.NotEqual(RatingSplits.KFold(50, 2, seed: 1)[0].Test, RatingSplits.KFold(50, 2, seed: 2)[0].Test);
        Assert.NotEqual(Enumerable.Range(0, 25), RatingSplits.KFold(50, 2, seed: 1)[0].Test);
    }

    [Fact]
    public void Fewer_than_two_folds_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingSplits.KFold(10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingSplits.KFold(3, 4));
    }
}
