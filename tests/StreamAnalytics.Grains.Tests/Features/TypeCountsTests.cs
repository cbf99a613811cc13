using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class TypeCountsTests
{
    [Fact]
    public void Counts_start_at_zero_for_every_type_and_list_every_wire_name()
    {
        var counts = new TypeCounts();

        var dictionary = counts.ToDictionary();

        Assert.Equal(["view", "like", "add_to_cart", "purchase", "review", "rating"], dictionary.Keys);
        Assert.All(dictionary.Values, value => Assert.Equal(0, value));
        Assert.Equal(0, counts.Total);
    }

    [Fact]
    public void Each_increment_counts_its_own_type()
    {
        var counts = new TypeCounts();

        counts.Increment(InteractionType.View);
        counts.Increment(InteractionType.View);
        counts.Increment(InteractionType.AddToCart);

        Assert.Equal(2, counts[InteractionType.View]);
        Assert.Equal(1, counts[InteractionType.AddToCart]);
        Assert.Equal(0, counts[InteractionType.Purchase]);
        Assert.Equal(3, counts.Total);
        Assert.Equal(1, counts.ToDictionary()["add_to_cart"]);
    }
}
