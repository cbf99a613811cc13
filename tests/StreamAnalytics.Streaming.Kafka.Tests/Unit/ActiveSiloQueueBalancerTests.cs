using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class ActiveSiloQueueBalancerTests
{
    private static readonly QueueId[] Queues =
        [.. Enumerable.Range(0, 8).Select(p => KafkaQueueMapper.ToQueueId("interactions", p)).Concat(Enumerable.Range(0, 3).Select(p => KafkaQueueMapper.ToQueueId("frames", p)))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(20)]
    public void Shares_of_all_silos_cover_every_queue_exactly_once_and_differ_by_at_most_one(int silos)
    {
        var shares = Enumerable.Range(0, silos).Select(i => ActiveSiloQueueBalancer.Share(Queues, i, silos).ToList()).ToList();

        Assert.Equal(Queues.Order(), shares.SelectMany(s => s).Order());
        Assert.InRange(shares.Max(s => s.Count) - shares.Min(s => s.Count), 0, 1);
    }

    [Fact]
    public void A_silo_alone_owns_every_queue()
    {
        Assert.Equal(Queues, ActiveSiloQueueBalancer.Share(Queues, 0, 1));
    }
}
