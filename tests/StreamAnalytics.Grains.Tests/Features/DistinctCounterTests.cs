using StreamAnalytics.Grains.Features;

namespace StreamAnalytics.Grains.Tests.Features;

public sealed class DistinctCounterTests
{
    [Fact]
    public void Counting_is_exact_up_to_10000_distinct_values()
    {
        var counter = new DistinctCounter();

        for (var i = 0; i < DistinctCounter.ExactLimit; i++)
        {
            counter.Add("user-" + i);
            counter.Add("user-" + i);
        }

        Assert.True(counter.IsExact);
        Assert.Equal(10_000, counter.Count);
    }

    [Fact]
    public void Repeated_values_are_counted_once()
    {
        var counter = new DistinctCounter();

        counter.Add("a");
        counter.Add("a");
        counter.Add("b");

        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public void Past_10000_it_switches_to_the_sketch_and_stays_close()
    {
        var counter = new DistinctCounter();

        for (var i = 0; i <= DistinctCounter.ExactLimit; i++)
        {
            counter.Add("user-" + i);
        }

        Assert.False(counter.IsExact);
        Assert.InRange(counter.Count, 10_001 * 0.97, 10_001 * 1.03);
    }

    [Fact]
    public void At_100000_distinct_values_the_estimate_is_within_3_percent()
    {
        var counter = new DistinctCounter();

        for (var i = 0; i < 100_000; i++)
        {
            counter.Add("product-" + i);
            counter.Add("product-" + (i / 2));
        }

        Assert.InRange(counter.Count, 97_000, 103_000);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(50_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void The_sketch_alone_is_within_3_percent(int distinct)
    {
        var sketch = new HyperLogLog();

        for (var i = 0; i < distinct; i++)
        {
            sketch.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@x");
        }

        Assert.InRange(sketch.Estimate(), distinct * 0.97, distinct * 1.03);
    }

    [Fact]
    public void The_sketch_is_deterministic_and_its_error_is_documented()
    {
        Assert.Equal(HyperLogLog.Hash("user-42"), HyperLogLog.Hash("user-42"));
        Assert.NotEqual(HyperLogLog.Hash("user-42"), HyperLogLog.Hash("user-43"));
        Assert.Equal(0.0081, HyperLogLog.StandardError, 4);
        Assert.Equal(0, new HyperLogLog().Estimate());
    }

    [Fact]
    public void Hashing_handles_values_longer_than_the_stack_buffer()
    {
        var longValue = new string('é', 2_000);

        Assert.Equal(HyperLogLog.Hash(longValue), HyperLogLog.Hash(new string('é', 2_000)));
    }
}
