using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class TopCategoriesTests
{
    [Fact]
    public void Top_k_lists_the_most_counted_first_with_ties_by_name()
    {
        var top = new TopCategories();
        foreach (var category in new[] { "books", "toys", "books", "garden", "toys", "books", "art" })
        {
            top.Add(category);
        }

        Assert.Equal(
            [new CategoryCount("books", 3), new CategoryCount("toys", 2), new CategoryCount("art", 1)],
            top.Top(3));
    }

    [Fact]
    public void Blank_categories_are_ignored()
    {
        var top = new TopCategories();

        top.Add(null);
        top.Add("");
        top.Add("  ");

        Assert.Empty(top.Top(5));
    }

    [Fact]
    public void Memory_is_capped_at_256_categories_by_default()
    {
        var top = new TopCategories();

        for (var i = 0; i < 10_000; i++)
        {
            top.Add("category-" + i);
        }

        Assert.Equal(256, top.Capacity);
        Assert.Equal(256, top.Tracked);
    }

    [Fact]
    public void Frequent_categories_survive_a_flood_of_rare_ones()
    {
        var top = new TopCategories(capacity: 16);

        for (var i = 0; i < 5_000; i++)
        {
            top.Add(i % 3 == 0 ? "popular" : "rare-" + i);
            if (i % 5 == 0)
            {
                top.Add("second");
            }
        }

        var best = top.Top(2);
        Assert.Equal("popular", best[0].Category);
        Assert.Equal("second", best[1].Category);
        Assert.True(best[0].Count >= 1_667, "Space-Saving never undercounts a kept category");
        Assert.Equal(16, top.Tracked);
    }
}
