
namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class KafkaQueueMapperTests
{
    private static KafkaStreamOptions Options(params (string Topic, int Partitions, string[] Namespaces)[] topics)
    {
        var options = new KafkaStreamOptions { BootstrapServers = "localhost:9092" };
        foreach (var (topic, partitions, namespaces) in topics)
        {
            options.Topics[topic] = new KafkaTopicOptions
            {
                Partitions = partitions,
                Streams = [.. namespaces.Select(ns => new KafkaStreamRoute { Namespace = ns })],
            };
        }

        return options;
    }

    [Fact]
    public void Every_partition_of_every_topic_is_one_queue()
    {
        var mapper = new KafkaQueueMapper(Options(("a", 3, []), ("b", 2, [])));

        var partitions = mapper.GetAllQueues().Select(KafkaQueueMapper.ToTopicPartition).ToList();

        Assert.Equal(5, partitions.Count);
        Assert.Equal(
            [("a", 0), ("a", 1), ("a", 2), ("b", 0), ("b", 1)],
            partitions.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition));
    }

    [Fact]
    public void Queue_ids_are_all_distinct()
    {
        var mapper = new KafkaQueueMapper(Options(("a", 3, []), ("b", 2, []), ("ab", 4, [])));

        var queues = mapper.GetAllQueues().ToList();

        Assert.Equal(9, queues.Count);
        Assert.Equal(queues.Count, queues.Distinct().Count());
    }

    [Fact]
    public void Mappers_built_from_equal_options_give_identical_queue_ids()
    {
        var first = new KafkaQueueMapper(Options(("a", 3, []), ("b", 2, [])));
        var second = new KafkaQueueMapper(Options(("a", 3, []), ("b", 2, [])));

        var firstQueues = first.GetAllQueues().ToList();
        var secondQueues = second.GetAllQueues().ToList();

        Assert.Equal(firstQueues, secondQueues);
        Assert.Equal(
            firstQueues.Select(q => q.GetUniformHashCode()),
            secondQueues.Select(q => q.GetUniformHashCode()));
    }

    [Fact]
    public void Queue_ids_do_not_depend_on_the_order_topics_were_added()
    {
        var forward = new KafkaQueueMapper(Options(("a", 3, []), ("b", 2, []), ("c", 1, [])));
        var backward = new KafkaQueueMapper(Options(("c", 1, []), ("b", 2, []), ("a", 3, [])));

        Assert.Equal(forward.GetAllQueues(), backward.GetAllQueues());
    }

    [Fact]
    public void Queue_uniform_hash_is_a_fixed_function_of_topic_and_partition()
    {
        // Pinned FNV-1a values of "a/0" and "interactions/7": a hash that changed between builds or processes
        // would make silos disagree about queue ids and the balancer's ring.
        Assert.Equal(0xE88DF4ABu, KafkaQueueMapper.ToQueueId("a", 0).GetUniformHashCode());
        Assert.Equal(0xFC701AB6u, KafkaQueueMapper.ToQueueId("interactions", 7).GetUniformHashCode());
    }

    [Theory]
    [InlineData("interactions", 0)]
    [InlineData("interactions", 7)]
    [InlineData("Mixed.Case_topic-1", 9999)]
    public void Queue_id_round_trips_to_topic_and_partition(string topic, int partition)
    {
        var queueId = KafkaQueueMapper.ToQueueId(topic, partition);

        Assert.Equal((topic, partition), KafkaQueueMapper.ToTopicPartition(queueId));
    }

    [Fact]
    public void Same_topic_and_partition_give_equal_queue_ids()
    {
        Assert.Equal(KafkaQueueMapper.ToQueueId("a", 1), KafkaQueueMapper.ToQueueId("a", 1));
        Assert.NotEqual(KafkaQueueMapper.ToQueueId("a", 1), KafkaQueueMapper.ToQueueId("a", 2));
        Assert.NotEqual(KafkaQueueMapper.ToQueueId("a", 1), KafkaQueueMapper.ToQueueId("b", 1));
    }

    [Fact]
    public void Queue_for_a_stream_is_the_same_every_time_and_in_every_mapper()
    {
        var first = new KafkaQueueMapper(Options(("interactions", 8, ["user", "product"])));
        var second = new KafkaQueueMapper(Options(("interactions", 8, ["user", "product"])));
        var streamId = StreamId.Create("user", "alice");

        var queue = first.GetQueueForStream(streamId);

        Assert.Equal(queue, first.GetQueueForStream(streamId));
        Assert.Equal(queue, second.GetQueueForStream(StreamId.Create("user", "alice")));
        Assert.Contains(queue, first.GetAllQueues());
    }

    [Fact]
    public void Stream_lands_in_the_topic_whose_route_names_its_namespace()
    {
        var mapper = new KafkaQueueMapper(Options(("clicks", 4, ["user"]), ("orders", 3, ["product"])));

        var (userTopic, userPartition) = KafkaQueueMapper.ToTopicPartition(mapper.GetQueueForStream(StreamId.Create("user", "u1")));
        var (productTopic, productPartition) = KafkaQueueMapper.ToTopicPartition(mapper.GetQueueForStream(StreamId.Create("product", "p1")));

        Assert.Equal("clicks", userTopic);
        Assert.InRange(userPartition, 0, 3);
        Assert.Equal("orders", productTopic);
        Assert.InRange(productPartition, 0, 2);
    }

    [Fact]
    public void Stream_lands_in_the_topic_named_like_its_namespace_when_the_topic_has_no_routes()
    {
        var mapper = new KafkaQueueMapper(Options(("clicks", 4, ["user"]), ("payments", 2, [])));

        var (topic, partition) = mapper.GetTopicPartitionForStream(StreamId.Create("payments", "acct-1"));

        Assert.Equal("payments", topic);
        Assert.InRange(partition, 0, 1);
        Assert.Equal(KafkaQueueMapper.ToQueueId(topic, partition), mapper.GetQueueForStream(StreamId.Create("payments", "acct-1")));
    }

    [Fact]
    public void Namespace_routed_by_two_topics_goes_to_the_first_topic_by_name_whatever_the_insertion_order()
    {
        var forward = new KafkaQueueMapper(Options(("alpha", 2, ["user"]), ("beta", 2, ["user"])));
        var backward = new KafkaQueueMapper(Options(("beta", 2, ["user"]), ("alpha", 2, ["user"])));
        var streamId = StreamId.Create("user", "u1");

        Assert.Equal("alpha", forward.GetTopicPartitionForStream(streamId).Topic);
        Assert.Equal(forward.GetQueueForStream(streamId), backward.GetQueueForStream(streamId));
    }

    [Fact]
    public void Unknown_namespace_throws_naming_the_namespace()
    {
        var mapper = new KafkaQueueMapper(Options(("interactions", 8, ["user", "product"])));

        var ex = Assert.Throws<InvalidOperationException>(() => mapper.GetQueueForStream(StreamId.Create("basket", "b1")));

        Assert.Contains("'basket'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_with_routes_does_not_also_route_its_own_name()
    {
        var mapper = new KafkaQueueMapper(Options(("interactions", 8, ["user"])));

        var ex = Assert.Throws<InvalidOperationException>(() => mapper.GetQueueForStream(StreamId.Create("interactions", "x")));

        Assert.Contains("'interactions'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_with_many_keys_spread_over_every_partition()
    {
        var mapper = new KafkaQueueMapper(Options(("interactions", 8, ["user"])));

        var counts = Enumerable.Range(0, 2000)
            .Select(i => mapper.GetTopicPartitionForStream(StreamId.Create("user", $"user-{i}")).Partition)
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(0, 8), counts.Keys.Order());
        // 250 expected per partition; a hash that clusters keys would leave some partitions far below that.
        Assert.All(counts.Values, count => Assert.InRange(count, 150, 350));
    }

    [Fact]
    public void Streams_with_the_same_key_in_different_namespaces_of_one_topic_share_a_partition()
    {
        var mapper = new KafkaQueueMapper(Options(("interactions", 8, ["user", "product"])));

        Assert.Equal(
            mapper.GetTopicPartitionForStream(StreamId.Create("user", "42")),
            mapper.GetTopicPartitionForStream(StreamId.Create("product", "42")));
    }
}
