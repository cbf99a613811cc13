using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Grains.Ratings;

namespace StreamAnalytics.Grains.Tests.Ratings;

public sealed class CandidateSetTests
{
    private static CandidateProduct Offer(string id, long popularity, double trending) =>
        new(id, new ProductRatingContext(null, 0f, null), popularity, trending);

    [Fact]
    public void Candidates_are_the_most_popular_then_the_most_trending_without_repeats()
    {
        var set = new CandidateSet(perList: 2);
        set.Offer(Offer("steady", popularity: 100, trending: 1));
        set.Offer(Offer("classic", popularity: 90, trending: 50));
        set.Offer(Offer("rising", popularity: 5, trending: 40));
        set.Offer(Offer("new", popularity: 1, trending: 30));
        set.Offer(Offer("quiet", popularity: 2, trending: 0.5));

        Assert.Equal(["steady", "classic", "rising", "new"], set.Candidates().Select(c => c.ProductId));
    }

    [Fact]
    public void A_new_offer_replaces_the_products_previous_one()
    {
        var set = new CandidateSet(perList: 1);
        set.Offer(Offer("a", popularity: 10, trending: 0));
        set.Offer(Offer("b", popularity: 5, trending: 0));
        set.Offer(Offer("b", popularity: 50, trending: 0));

        Assert.Equal("b", set.Candidates()[0].ProductId);
        Assert.Equal(50, set.Candidates()[0].Popularity);
    }

    [Fact]
    public void Offers_beyond_four_lists_forget_products_in_neither_list()
    {
        var set = new CandidateSet(perList: 2);
        for (var i = 0; i < 100; i++)
        {
            set.Offer(Offer($"p{i}", popularity: i, trending: 100 - i));
        }

        Assert.True(set.Remembered <= 4 * 2 + 1, $"{set.Remembered} offers remembered");
        Assert.Equal(["p99", "p98", "p0", "p1"], set.Candidates().Select(c => c.ProductId));
    }

    [Fact]
    public void Ties_break_by_product_id()
    {
        var set = new CandidateSet(perList: 2);
        set.Offer(Offer("b", popularity: 1, trending: 0));
        set.Offer(Offer("c", popularity: 1, trending: 0));
        set.Offer(Offer("a", popularity: 1, trending: 0));

        Assert.Equal(["a", "b", "c"], set.Candidates().Select(c => c.ProductId));
    }
}
