using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

/// <summary>Builders and pulling-agent-like helpers shared by the <see cref="KafkaQueueCache"/> tests.</summary>
internal static class KafkaQueueCacheTestData
{
    public static StreamId Stream(string key) => StreamId.Create("user", key);

    public static KafkaStreamSequenceToken Token(long offset, int index = 0) => new("t", 0, offset, index);

    /// <summary>A container of stream <paramref name="key"/> with one event per offset from <paramref name="firstOffset"/>, named "e{offset}".</summary>
    public static KafkaBatchContainer Batch(string key, long firstOffset, int eventCount = 1)
    {
        var events = new object[eventCount];
        var tokens = new KafkaStreamSequenceToken[eventCount];
        for (var i = 0; i < eventCount; i++)
        {
            events[i] = "e" + (firstOffset + i);
            tokens[i] = Token(firstOffset + i);
        }

        return new KafkaBatchContainer(Stream(key), events, tokens, null);
    }

    /// <summary>A container of stream <paramref name="key"/> with one event at each of <paramref name="offsets"/>.</summary>
    public static KafkaBatchContainer BatchAt(string key, params long[] offsets) => new(
        Stream(key),
        [.. offsets.Select(o => (object)("e" + o))],
        [.. offsets.Select(o => Token(o))],
        null);

    /// <summary>
    /// A cursor over <paramref name="streamId"/> from <paramref name="token"/>. Typed as the concrete cursor because
    /// Orleans 10 marks <see cref="IQueueCacheCursor.MoveNext"/> obsolete on the interface.
    /// </summary>
    public static KafkaQueueCacheCursor OpenCursor(this KafkaQueueCache cache, StreamId streamId, StreamSequenceToken? token) =>
        Assert.IsType<KafkaQueueCacheCursor>(cache.GetCacheCursor(streamId, token));

    /// <summary>A cursor started the way the pulling agent starts one for a container it has just cached.</summary>
    public static KafkaQueueCacheCursor CursorFor(this KafkaQueueCache cache, IBatchContainer first) =>
        cache.OpenCursor(first.StreamId, first.SequenceToken);

    /// <summary>Reads the cursor to its end, the way the pulling agent delivers.</summary>
    public static List<IBatchContainer> Drain(KafkaQueueCacheCursor cursor)
    {
        var read = new List<IBatchContainer>();
        while (cursor.MoveNext())
        {
            read.Add(Current(cursor));
        }

        return read;
    }

    /// <summary>Moves to the next container, which must exist, and returns it.</summary>
    public static IBatchContainer Next(KafkaQueueCacheCursor cursor)
    {
        Assert.True(cursor.MoveNext(), "expected the cursor to have another container");
        return Current(cursor);
    }

    /// <summary>Purges, checking that the return value agrees with the list, and returns what was purged.</summary>
    public static IList<IBatchContainer> Purge(KafkaQueueCache cache)
    {
        var any = cache.TryPurgeFromCache(out var purged);
        Assert.NotNull(purged);
        Assert.Equal(purged.Count > 0, any);
        return purged;
    }

    private static IBatchContainer Current(KafkaQueueCacheCursor cursor)
    {
        var batch = cursor.GetCurrent(out var exception);
        Assert.Null(exception);
        Assert.NotNull(batch);
        return batch;
    }
}
