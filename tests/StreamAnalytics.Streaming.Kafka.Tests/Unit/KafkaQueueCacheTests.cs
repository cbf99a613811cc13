using Orleans.Streams;
using static StreamAnalytics.Streaming.Kafka.Tests.Unit.KafkaQueueCacheTestData;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

/// <summary>Reading a <see cref="KafkaQueueCache"/>: which containers a cursor sees, from where, and cache pressure.</summary>
public sealed class KafkaQueueCacheTests
{
    private readonly KafkaQueueCache _cache = new(64);

    // ---- reading -------------------------------------------------------------------------------------------------

    [Fact]
    public void Cursor_returns_only_its_own_streams_containers_in_arrival_order()
    {
        var a1 = Batch("alice", 1);
        var b2 = Batch("bob", 2);
        var a3 = Batch("alice", 3);
        var c4 = Batch("carol", 4);
        var a5 = Batch("alice", 5);
        var b6 = Batch("bob", 6);
        _cache.AddToCache([a1, b2, a3, c4, a5, b6]);

        using var alice = _cache.CursorFor(a1);
        using var bob = _cache.CursorFor(b2);

        Assert.Equal([a1, a3, a5], Drain(alice));
        Assert.Equal([b2, b6], Drain(bob));
    }

    [Fact]
    public void Containers_added_in_separate_calls_are_read_in_the_order_they_were_added()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        var a3 = Batch("alice", 3);
        _cache.AddToCache([a1]);
        _cache.AddToCache([Batch("bob", 2), a2]);
        _cache.AddToCache([a3]);

        using var alice = _cache.CursorFor(a1);

        Assert.Equal([a1, a2, a3], Drain(alice));
    }

    [Fact]
    public void MoveNext_returns_false_at_the_end_and_true_again_once_more_containers_of_its_stream_arrive()
    {
        var a1 = Batch("alice", 1);
        _cache.AddToCache([a1]);
        using var alice = _cache.CursorFor(a1);
        Assert.Equal([a1], Drain(alice));
        Assert.False(alice.MoveNext());

        _cache.AddToCache([Batch("bob", 2)]);
        Assert.False(alice.MoveNext());

        var a3 = Batch("alice", 3);
        var a5 = Batch("alice", 5);
        _cache.AddToCache([a3, Batch("bob", 4), a5]);

        Assert.Equal([a3, a5], Drain(alice));
        Assert.False(alice.MoveNext());
    }

    [Fact]
    public void GetCurrent_is_null_before_the_first_MoveNext_and_after_MoveNext_returned_false()
    {
        var a1 = Batch("alice", 1);
        _cache.AddToCache([a1]);
        using var alice = _cache.CursorFor(a1);

        Assert.Null(alice.GetCurrent(out var before));
        Assert.Null(before);
        Assert.True(alice.MoveNext());
        Assert.Same(a1, alice.GetCurrent(out var during));
        Assert.Null(during);
        Assert.False(alice.MoveNext());
        Assert.Null(alice.GetCurrent(out _));
    }

    [Fact]
    public void GetCurrent_keeps_returning_the_same_container_until_the_next_MoveNext()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var alice = _cache.CursorFor(a1);

        Assert.True(alice.MoveNext());

        Assert.Same(a1, alice.GetCurrent(out _));
        Assert.Same(a1, alice.GetCurrent(out _));
        Assert.Same(a2, Next(alice));
    }

    [Fact]
    public void Cursor_on_a_stream_with_nothing_cached_sees_its_containers_added_later()
    {
        _cache.AddToCache([Batch("bob", 1)]);
        using var alice = _cache.OpenCursor(Stream("alice"), Token(2));
        Assert.False(alice.MoveNext());

        var a2 = Batch("alice", 2);
        _cache.AddToCache([a2, Batch("bob", 3)]);

        Assert.Equal([a2], Drain(alice));
    }

    [Fact]
    public void Refresh_does_not_rewind_a_cursor()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var alice = _cache.CursorFor(a1);
        Assert.Equal([a1, a2], Drain(alice));

        alice.Refresh(a1.SequenceToken);

        Assert.False(alice.MoveNext());
    }

    [Fact]
    public void Two_cursors_on_the_same_stream_read_independently()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, Batch("bob", 2), a2]);
        using var first = _cache.CursorFor(a1);
        using var second = _cache.CursorFor(a1);

        Assert.Same(a1, Next(first));
        Assert.Equal([a1, a2], Drain(second));
        Assert.Equal([a2], Drain(first));
    }

    [Fact]
    public void Disposed_cursor_returns_nothing_even_when_its_stream_has_containers()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        var alice = _cache.CursorFor(a1);
        Assert.Same(a1, Next(alice));

        alice.Dispose();

        Assert.Null(alice.GetCurrent(out _));
        Assert.False(alice.MoveNext());
        _cache.AddToCache([Batch("alice", 3)]);
        Assert.False(alice.MoveNext());
    }

    [Fact]
    public void Orleans_typed_cursor_api_reads_the_same_containers_through_the_interface_defaults()
    {
        var a1 = Batch("alice", 1);
        var a3 = Batch("alice", 3);
        _cache.AddToCache([a1, Batch("bob", 2), a3]);
        IQueueCache cache = _cache;

        var result = cache.TryGetCacheCursor(Stream("alice"), a1.SequenceToken);

        Assert.Equal(QueueCacheCursorResultKind.Success, result.Kind);
        using var cursor = Assert.IsType<KafkaQueueCacheCursor>(result.Cursor);
        IQueueCacheCursor typed = cursor;
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, typed.MoveNextWithResult().Kind);
        Assert.Same(a1, typed.GetCurrent(out _));
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, typed.MoveNextWithResult().Kind);
        Assert.Same(a3, typed.GetCurrent(out _));
        Assert.Equal(QueueCacheCursorMoveResultKind.NoData, typed.MoveNextWithResult().Kind);
        Assert.Null(typed.GetCurrent(out _));
    }

    // ---- where a cursor starts -----------------------------------------------------------------------------------

    [Fact]
    public void Cursor_created_with_the_token_of_a_container_starts_at_that_container()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        var a4 = Batch("alice", 4);
        _cache.AddToCache([a1, a2, Batch("bob", 3), a4]);

        using var alice = _cache.CursorFor(a2);

        Assert.Equal([a2, a4], Drain(alice));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(14)]
    public void Cursor_with_a_token_inside_a_multi_event_container_starts_at_that_container(long offset)
    {
        var a5 = Batch("alice", 5);
        var a10To14 = Batch("alice", 10, eventCount: 5);
        var a20 = Batch("alice", 20);
        _cache.AddToCache([a5, Batch("bob", 6), a10To14, Batch("bob", 15), a20]);
        Assert.Equal(Token(10), a10To14.Tokens[0]);
        Assert.Equal(Token(14), a10To14.Tokens[^1]);

        using var alice = _cache.OpenCursor(Stream("alice"), Token(offset));

        Assert.Equal([a10To14, a20], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_token_just_after_a_multi_event_container_starts_at_the_next_container()
    {
        var a10To14 = Batch("alice", 10, eventCount: 5);
        var a20 = Batch("alice", 20);
        _cache.AddToCache([a10To14, a20]);

        using var alice = _cache.OpenCursor(Stream("alice"), Token(15));

        Assert.Equal([a20], Drain(alice));
    }

    [Fact]
    public void Cursor_token_is_compared_by_offset_then_event_index()
    {
        var a20 = new KafkaBatchContainer(Stream("alice"), ["e20", "e20b"], [Token(20, 0), Token(20, 1)], null);
        var a21 = Batch("alice", 21);
        _cache.AddToCache([a20, a21]);

        using var atSecondEvent = _cache.OpenCursor(Stream("alice"), Token(20, 1));
        using var pastSecondEvent = _cache.OpenCursor(Stream("alice"), Token(20, 2));

        Assert.Equal([a20, a21], Drain(atSecondEvent));
        Assert.Equal([a21], Drain(pastSecondEvent));
    }

    [Fact]
    public void Cursor_with_a_token_after_everything_cached_starts_with_the_next_container_added_later()
    {
        _cache.AddToCache([Batch("alice", 1), Batch("alice", 2), Batch("bob", 3)]);
        using var alice = _cache.OpenCursor(Stream("alice"), Token(4));
        Assert.False(alice.MoveNext());

        var a4 = Batch("alice", 4);
        var a6 = Batch("alice", 6);
        _cache.AddToCache([a4, Batch("bob", 5), a6]);

        Assert.Equal([a4, a6], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_token_older_than_everything_cached_starts_at_the_oldest_container()
    {
        var a5 = Batch("alice", 5);
        var a7 = Batch("alice", 7);
        _cache.AddToCache([Batch("bob", 4), a5, Batch("bob", 6), a7]);

        using var alice = _cache.OpenCursor(Stream("alice"), Token(1));

        Assert.Equal([a5, a7], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_token_older_than_everything_left_after_a_purge_starts_at_the_oldest_remaining_container()
    {
        _cache.AddToCache([Batch("alice", 1), Batch("alice", 2)]);
        Assert.Equal(2, Purge(_cache).Count);
        var a3 = Batch("alice", 3);
        var a4 = Batch("alice", 4);
        _cache.AddToCache([a3, a4]);

        using var alice = _cache.OpenCursor(Stream("alice"), Token(1));

        Assert.Equal([a3, a4], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_null_token_starts_at_the_newest_container_when_it_is_of_its_stream()
    {
        var a4 = Batch("alice", 4);
        _cache.AddToCache([Batch("alice", 1), Batch("alice", 2), Batch("bob", 3), a4]);

        using var alice = _cache.OpenCursor(Stream("alice"), null);

        Assert.Equal([a4], Drain(alice));
        var a5 = Batch("alice", 5);
        _cache.AddToCache([a5]);
        Assert.Equal([a5], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_null_token_sees_only_later_containers_when_the_newest_is_of_another_stream()
    {
        _cache.AddToCache([Batch("alice", 1), Batch("bob", 2)]);

        using var alice = _cache.OpenCursor(Stream("alice"), null);
        Assert.False(alice.MoveNext());

        var a4 = Batch("alice", 4);
        _cache.AddToCache([Batch("bob", 3), a4]);
        Assert.Equal([a4], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_null_token_on_a_new_cache_sees_the_first_container_added()
    {
        using var alice = _cache.OpenCursor(Stream("alice"), null);
        Assert.False(alice.MoveNext());

        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);

        Assert.Equal([a1, a2], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_null_token_on_a_cache_emptied_by_purging_sees_the_next_container_added()
    {
        _cache.AddToCache([Batch("bob", 1), Batch("alice", 2)]);
        Assert.Equal(2, Purge(_cache).Count);
        Assert.Equal(0, _cache.Size);

        using var alice = _cache.OpenCursor(Stream("alice"), null);
        Assert.False(alice.MoveNext());
        var a3 = Batch("alice", 3);
        _cache.AddToCache([a3]);

        Assert.Equal([a3], Drain(alice));
    }

    [Fact]
    public void Cursor_never_starts_at_a_container_whose_events_are_all_before_the_token()
    {
        // One poll of records 10 (bob), 15 (alice), 20 (bob) is grouped by first occurrence: bob[10, 20], alice[15].
        var bob = BatchAt("bob", 10, 20);
        var alice15 = BatchAt("alice", 15);
        _cache.AddToCache([bob, alice15]);

        using var alice = _cache.OpenCursor(Stream("alice"), Token(18));

        Assert.False(alice.MoveNext(), "alice has no event at or after offset 18 yet");
        var alice25 = BatchAt("alice", 25);
        _cache.AddToCache([alice25]);
        Assert.Equal([alice25], Drain(alice));
    }

    // ---- many streams --------------------------------------------------------------------------------------------

    [Fact]
    public void With_a_thousand_streams_each_cursor_moves_only_over_its_own_containers_and_delivers_them_in_order()
    {
        const int Streams = 1000;
        const int Polls = 5;
        var cache = new KafkaQueueCache(16 * 1024);
        var cursors = new Dictionary<StreamId, KafkaQueueCacheCursor>();
        var expected = new Dictionary<StreamId, List<IBatchContainer>>();
        var delivered = new Dictionary<StreamId, List<IBatchContainer>>();
        var successfulMoves = new Dictionary<StreamId, int>();
        var arrivals = new List<IBatchContainer>();
        var purged = new List<IBatchContainer>();
        var random = new Random(42);
        long offset = 0;

        for (var poll = 0; poll < Polls; poll++)
        {
            purged.AddRange(Purge(cache));

            // One container per stream per poll, in a different stream order each poll.
            var keys = Enumerable.Range(0, Streams).Select(i => "user-" + i).ToArray();
            random.Shuffle(keys);
            var batch = keys.Select(k => (IBatchContainer)Batch(k, offset++)).ToList();
            cache.AddToCache(batch);
            arrivals.AddRange(batch);

            foreach (var container in batch)
            {
                var id = container.StreamId;
                if (!cursors.TryGetValue(id, out var cursor))
                {
                    cursor = cache.CursorFor(container);
                    cursors.Add(id, cursor);
                    expected.Add(id, []);
                    delivered.Add(id, []);
                    successfulMoves.Add(id, 0);
                }

                expected[id].Add(container);
                while (cursor.MoveNext())
                {
                    successfulMoves[id]++;
                    delivered[id].Add(cursor.GetCurrent(out _)!);
                }
            }
        }

        purged.AddRange(Purge(cache));

        Assert.Equal(Streams, cursors.Count);
        foreach (var (id, cursor) in cursors)
        {
            Assert.Equal(Polls, successfulMoves[id]);
            Assert.Equal(expected[id], delivered[id]);
            Assert.All(delivered[id], b => Assert.Equal(id, b.StreamId));
            Assert.False(cursor.MoveNext());
            cursor.Dispose();
        }

        Assert.Equal(arrivals, purged);
        Assert.Equal(0, cache.Size);
    }

    // ---- size and pressure ---------------------------------------------------------------------------------------

    [Fact]
    public void Size_counts_cached_containers_of_every_stream()
    {
        Assert.Equal(0, _cache.Size);

        _cache.AddToCache([Batch("alice", 1), Batch("bob", 2), Batch("alice", 3, eventCount: 4)]);

        Assert.Equal(3, _cache.Size);
    }

    [Fact]
    public void IsUnderPressure_turns_on_when_the_cache_fills_and_off_once_it_is_purged()
    {
        var cache = new KafkaQueueCache(16);
        Assert.Equal(2, cache.GetMaxAddCount());
        var first = Batch("alice", 0);
        cache.AddToCache([first, .. Enumerable.Range(1, 13).Select(i => Batch("alice", i))]);
        using var alice = cache.CursorFor(first);
        Assert.Equal(14, cache.Size);
        Assert.False(cache.IsUnderPressure());

        cache.AddToCache([Batch("alice", 14)]);
        Assert.Equal(15, cache.Size);
        Assert.True(cache.IsUnderPressure());

        // Still full while alice's cursor needs its containers.
        Assert.Empty(Purge(cache));
        Assert.True(cache.IsUnderPressure());
        Assert.Equal(15, Drain(alice).Count);

        Assert.Equal(15, Purge(cache).Count);
        Assert.Equal(0, cache.Size);
        Assert.False(cache.IsUnderPressure());
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(15, 1)]
    [InlineData(16, 2)]
    [InlineData(100, 12)]
    [InlineData(8192, 1024)]
    public void GetMaxAddCount_is_an_eighth_of_the_maximum_size(int maxSize, int maxAddCount)
    {
        Assert.Equal(maxAddCount, new KafkaQueueCache(maxSize).GetMaxAddCount());
    }

    [Fact]
    public void New_cache_is_empty_and_not_under_pressure()
    {
        var cache = new KafkaQueueCache(8);

        Assert.Equal(0, cache.Size);
        Assert.False(cache.IsUnderPressure());
        Assert.False(cache.TryPurgeFromCache(out var purged));
        Assert.Empty(purged);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-8)]
    public void Constructor_rejects_a_maximum_size_below_eight(int maxSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KafkaQueueCache(maxSize));
    }

    [Fact]
    public void Adapter_cache_creates_a_separate_cache_of_the_configured_size_for_each_queue()
    {
        var adapterCache = new KafkaQueueAdapterCache(80);

        var first = Assert.IsType<KafkaQueueCache>(adapterCache.CreateQueueCache(QueueId.GetQueueId("kafka", 0, 0)));
        var second = Assert.IsType<KafkaQueueCache>(adapterCache.CreateQueueCache(QueueId.GetQueueId("kafka", 1, 0)));

        Assert.NotSame(first, second);
        Assert.Equal(10, first.GetMaxAddCount());
        first.AddToCache([Batch("alice", 1)]);
        Assert.Equal(0, second.Size);
    }
}
