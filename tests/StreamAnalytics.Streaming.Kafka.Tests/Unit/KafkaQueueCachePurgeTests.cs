using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Orleans.Streams;
using static StreamAnalytics.Streaming.Kafka.Tests.Unit.KafkaQueueCacheTestData;

namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

/// <summary>Purging a <see cref="KafkaQueueCache"/>: what leaves, when, and in which order.</summary>
public sealed class KafkaQueueCachePurgeTests
{
    private readonly KafkaQueueCache _cache = new(64);

    [Fact]
    public void Purging_an_empty_cache_returns_false_and_an_empty_list()
    {
        Assert.False(_cache.TryPurgeFromCache(out var purged));
        Assert.NotNull(purged);
        Assert.Empty(purged);
    }

    [Fact]
    public void Nothing_is_purged_while_a_cursor_still_needs_the_oldest_container()
    {
        var a1 = Batch("alice", 1);
        _cache.AddToCache([a1, Batch("alice", 2)]);
        using var alice = _cache.CursorFor(a1);

        Assert.False(_cache.TryPurgeFromCache(out var purged));
        Assert.Empty(purged);
        Assert.Equal(2, _cache.Size);
    }

    [Fact]
    public void Container_in_delivery_is_not_purged_until_the_next_MoveNext()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var alice = _cache.CursorFor(a1);

        Assert.Same(a1, Next(alice));
        Assert.Empty(Purge(_cache));
        Assert.Equal(2, _cache.Size);

        Assert.Same(a2, Next(alice));
        Assert.Equal([a1], Purge(_cache));
        Assert.Equal(1, _cache.Size);

        Assert.False(alice.MoveNext());
        Assert.Equal([a2], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void Once_every_cursor_has_passed_the_containers_are_purged_oldest_first_and_size_drops()
    {
        var a1 = Batch("alice", 1);
        var b2 = Batch("bob", 2);
        var a3 = Batch("alice", 3);
        var b4 = Batch("bob", 4);
        _cache.AddToCache([a1, b2, a3, b4]);
        using var alice = _cache.CursorFor(a1);
        using var bob = _cache.CursorFor(b2);
        Drain(alice);
        Drain(bob);

        Assert.True(_cache.TryPurgeFromCache(out var purged));

        Assert.Equal([a1, b2, a3, b4], purged);
        Assert.Equal(0, _cache.Size);
        Assert.False(_cache.TryPurgeFromCache(out var again));
        Assert.Empty(again);
    }

    [Fact]
    public void A_slow_streams_old_container_blocks_purging_of_newer_containers_of_other_streams()
    {
        var a1 = Batch("alice", 1);
        var b2 = Batch("bob", 2);
        var b3 = Batch("bob", 3);
        var c4 = Batch("carol", 4);
        _cache.AddToCache([a1, b2, b3, c4]);
        using var alice = _cache.CursorFor(a1);
        using var bob = _cache.CursorFor(b2);
        Assert.Equal([b2, b3], Drain(bob));

        Assert.Empty(Purge(_cache));
        Assert.Same(a1, Next(alice));
        Assert.Empty(Purge(_cache));
        Assert.Equal(4, _cache.Size);

        Assert.False(alice.MoveNext());
        Assert.Equal([a1, b2, b3, c4], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void Purging_stops_at_the_oldest_container_still_needed()
    {
        var b1 = Batch("bob", 1);
        var a2 = Batch("alice", 2);
        var b3 = Batch("bob", 3);
        var c4 = Batch("carol", 4);
        _cache.AddToCache([b1, a2, b3, c4]);
        using var alice = _cache.CursorFor(a2);
        using var bob = _cache.CursorFor(b1);
        Drain(bob);

        Assert.Equal([b1], Purge(_cache));
        Assert.Equal(3, _cache.Size);

        Drain(alice);
        Assert.Equal([a2, b3, c4], Purge(_cache));
    }

    [Fact]
    public void Containers_of_streams_with_no_cursor_are_purged()
    {
        var a1 = Batch("alice", 1);
        var b2 = Batch("bob", 2);
        var a3 = Batch("alice", 3);
        _cache.AddToCache([a1, b2, a3]);

        Assert.Equal([a1, b2, a3], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void Stream_whose_containers_were_all_purged_without_a_cursor_is_read_again_from_its_next_container()
    {
        _cache.AddToCache([Batch("alice", 1), Batch("alice", 2)]);
        Assert.Equal(2, Purge(_cache).Count);

        var a3 = Batch("alice", 3);
        var a4 = Batch("alice", 4);
        _cache.AddToCache([a3, a4]);
        using var alice = _cache.CursorFor(a3);

        Assert.Equal([a3, a4], Drain(alice));
        Assert.Equal([a3, a4], Purge(_cache));
    }

    [Fact]
    public void Cursor_keeps_reading_after_every_container_of_its_stream_was_purged()
    {
        var a1 = Batch("alice", 1);
        _cache.AddToCache([a1]);
        using var alice = _cache.CursorFor(a1);
        Drain(alice);
        Assert.Equal([a1], Purge(_cache));

        var a2 = Batch("alice", 2);
        _cache.AddToCache([Batch("bob", 2), a2]);

        Assert.Equal([a2], Drain(alice));
        Assert.Equal(2, Purge(_cache).Count);
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void Cursor_started_at_a_later_container_does_not_hold_its_streams_older_containers()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        var a3 = Batch("alice", 3);
        _cache.AddToCache([a1, a2, a3]);

        using var alice = _cache.CursorFor(a2);

        Assert.Equal([a1], Purge(_cache));
        Assert.Equal(2, _cache.Size);
        Assert.Equal([a2, a3], Drain(alice));
    }

    [Fact]
    public void Cursor_with_a_token_after_everything_cached_holds_nothing_until_its_next_container_arrives()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var alice = _cache.OpenCursor(Stream("alice"), Token(3));

        Assert.Equal([a1, a2], Purge(_cache));

        var a3 = Batch("alice", 3);
        _cache.AddToCache([a3]);
        Assert.Empty(Purge(_cache));
        Assert.Equal([a3], Drain(alice));
        Assert.Equal([a3], Purge(_cache));
    }

    [Fact]
    public void Cursor_with_a_null_token_holds_only_the_newest_container()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);

        using var alice = _cache.OpenCursor(Stream("alice"), null);

        Assert.Equal([a1], Purge(_cache));
        Assert.Equal(1, _cache.Size);
        Assert.Equal([a2], Drain(alice));
        Assert.Equal([a2], Purge(_cache));
    }

    [Fact]
    public void Disposing_a_cursor_releases_the_container_in_delivery_and_the_ones_it_had_not_read()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        var alice = _cache.CursorFor(a1);
        Assert.Same(a1, Next(alice));
        Assert.Empty(Purge(_cache));

        alice.Dispose();

        Assert.Equal([a1, a2], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void Disposing_a_cursor_that_never_moved_releases_its_streams_containers()
    {
        var a1 = Batch("alice", 1);
        var b2 = Batch("bob", 2);
        _cache.AddToCache([a1, b2]);
        var alice = _cache.CursorFor(a1);
        Assert.Empty(Purge(_cache));

        alice.Dispose();

        Assert.Equal([a1, b2], Purge(_cache));
    }

    [Fact]
    public void Disposing_one_streams_cursor_does_not_release_what_another_streams_cursor_holds()
    {
        var a1 = Batch("alice", 1);
        var b2 = Batch("bob", 2);
        _cache.AddToCache([a1, b2]);
        using var alice = _cache.CursorFor(a1);
        var bob = _cache.CursorFor(b2);

        bob.Dispose();

        Assert.Empty(Purge(_cache));
        Assert.Equal(2, _cache.Size);
        Drain(alice);
        Assert.Equal([a1, b2], Purge(_cache));
    }

    [Fact]
    public void Container_marked_by_RecordDeliveryFailure_leaves_the_cache_but_is_not_in_the_purged_list()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        var a3 = Batch("alice", 3);
        _cache.AddToCache([a1, a2, a3]);
        using var alice = _cache.CursorFor(a1);

        Assert.Same(a1, Next(alice));
        alice.RecordDeliveryFailure();
        // Still the container in delivery: it stays.
        Assert.Empty(Purge(_cache));
        Assert.Equal(3, _cache.Size);

        Assert.Same(a2, Next(alice));
        Assert.False(_cache.TryPurgeFromCache(out var onlyFailed));
        Assert.Empty(onlyFailed);
        Assert.Equal(2, _cache.Size);

        Assert.Same(a3, Next(alice));
        Assert.Equal([a2], Purge(_cache));
        Assert.False(alice.MoveNext());
        Assert.Equal([a3], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void Failed_container_is_left_out_of_a_purge_that_returns_the_containers_around_it()
    {
        var b1 = Batch("bob", 1);
        var a2 = Batch("alice", 2);
        var b3 = Batch("bob", 3);
        _cache.AddToCache([b1, a2, b3]);
        using var alice = _cache.CursorFor(a2);
        Assert.Same(a2, Next(alice));
        alice.RecordDeliveryFailure();
        Assert.False(alice.MoveNext());

        Assert.Equal([b1, b3], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void RecordDeliveryFailure_with_no_container_in_delivery_marks_nothing()
    {
        var a1 = Batch("alice", 1);
        _cache.AddToCache([a1]);
        using var alice = _cache.CursorFor(a1);

        alice.RecordDeliveryFailure();
        Assert.Same(a1, Next(alice));
        Assert.False(alice.MoveNext());
        alice.RecordDeliveryFailure();

        Assert.Equal([a1], Purge(_cache));
    }

    [Fact]
    public void RecordDeliveryFailure_marks_only_the_container_in_delivery_of_that_cursor()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var first = _cache.CursorFor(a1);
        using var second = _cache.CursorFor(a1);

        Assert.Same(a1, Next(first));
        Assert.Same(a1, Next(second));
        Assert.Same(a2, Next(second));
        second.RecordDeliveryFailure();
        Drain(first);
        Drain(second);

        // The failure was recorded on a2, so a1 is still reported.
        Assert.Equal([a1], Purge(_cache));
        Assert.Equal(0, _cache.Size);
    }

    [Fact]
    public void With_two_cursors_on_a_stream_a_container_is_purged_only_after_both_moved_past_it()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var fast = _cache.CursorFor(a1);
        using var slow = _cache.CursorFor(a1);

        Assert.Equal([a1, a2], Drain(fast));
        Assert.Empty(Purge(_cache));

        Assert.Same(a1, Next(slow));
        Assert.Empty(Purge(_cache));

        Assert.Same(a2, Next(slow));
        Assert.Equal([a1], Purge(_cache));

        Assert.False(slow.MoveNext());
        Assert.Equal([a2], Purge(_cache));
    }

    [Fact]
    public void With_two_cursors_on_a_stream_disposing_the_slow_one_releases_what_only_it_held()
    {
        var a1 = Batch("alice", 1);
        var a2 = Batch("alice", 2);
        _cache.AddToCache([a1, a2]);
        using var fast = _cache.CursorFor(a1);
        var slow = _cache.CursorFor(a1);
        Assert.Same(a1, Next(fast));

        slow.Dispose();

        Assert.Empty(Purge(_cache));
        Assert.Same(a2, Next(fast));
        Assert.Equal([a1], Purge(_cache));
    }

    [Fact]
    public void Long_stream_is_read_and_purged_in_order_while_its_list_is_compacted()
    {
        const int Count = 600;
        var cache = new KafkaQueueCache(4096);
        var all = Enumerable.Range(0, 2 * Count).Select(i => Batch("alice", i)).ToList();
        cache.AddToCache([.. all.Take(Count)]);
        using var fast = cache.CursorFor(all[0]);
        using var slow = cache.CursorFor(all[0]);
        var fastRead = Drain(fast);
        var slowRead = new List<IBatchContainer>();
        var purged = new List<IBatchContainer>();

        // The slow cursor passes one container at a time, each released as soon as it moves on.
        for (var i = 0; i < Count / 2; i++)
        {
            slowRead.Add(Next(slow));
            purged.AddRange(Purge(cache));
            Assert.Equal(i, purged.Count);
        }

        cache.AddToCache([.. all.Skip(Count)]);
        fastRead.AddRange(Drain(fast));
        while (slow.MoveNext())
        {
            slowRead.Add(slow.GetCurrent(out _)!);
            purged.AddRange(Purge(cache));
        }

        purged.AddRange(Purge(cache));
        Assert.Equal(all, fastRead);
        Assert.Equal(all, slowRead);
        Assert.Equal(all, purged);
        Assert.Equal(0, cache.Size);
    }

    // ---- memory --------------------------------------------------------------------------------------------------

    [Fact]
    public void Purged_container_of_a_stream_without_cursors_is_no_longer_referenced_by_the_cache()
    {
        var purged = AddReadAndPurge(_cache, disposeBeforePurge: true);

        Collect();

        Assert.False(purged.IsAlive);
        GC.KeepAlive(_cache);
    }

    [Fact]
    public void Purged_container_is_no_longer_referenced_once_the_last_cursor_of_its_stream_is_disposed()
    {
        var purged = AddReadAndPurge(_cache, disposeBeforePurge: false);

        Collect();

        Assert.False(purged.IsAlive);
        GC.KeepAlive(_cache);
    }

    [Fact]
    public void Purged_container_is_no_longer_referenced_while_its_streams_cursor_stays_open()
    {
        using var cursor = AddReadAndPurgeKeepingCursor(_cache, out var purged);

        Collect();

        Assert.False(purged.IsAlive);
        Assert.False(cursor.MoveNext());
    }

    [Fact]
    public void Stream_without_cursors_is_forgotten_once_its_containers_are_purged()
    {
        _cache.AddToCache([Batch("alice", 1), Batch("bob", 2)]);
        Assert.Equal(2, StreamCount(_cache));

        Assert.Equal(2, Purge(_cache).Count);

        Assert.Equal(0, StreamCount(_cache));
    }

    [Fact]
    public void Stream_is_forgotten_once_its_last_cursor_is_disposed_and_nothing_of_it_is_cached()
    {
        var a1 = Batch("alice", 1);
        _cache.AddToCache([a1]);
        var alice = _cache.CursorFor(a1);
        Drain(alice);
        Assert.Equal([a1], Purge(_cache));
        var bob = _cache.OpenCursor(Stream("bob"), null);

        alice.Dispose();
        bob.Dispose();
        Purge(_cache);

        Assert.Equal(0, StreamCount(_cache));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static int StreamCount(KafkaQueueCache cache)
    {
        var field = typeof(KafkaQueueCache).GetField("_streams", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(field);
        return Assert.IsAssignableFrom<ICollection>(field.GetValue(cache)).Count;
    }

    // Separate, non-inlined methods so that no local of the test keeps the container alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddReadAndPurge(KafkaQueueCache cache, bool disposeBeforePurge)
    {
        var a1 = Batch("alice", 1);
        cache.AddToCache([a1]);
        var cursor = cache.CursorFor(a1);
        Assert.Equal([a1], Drain(cursor));
        if (disposeBeforePurge)
        {
            cursor.Dispose();
        }

        Assert.Equal([a1], Purge(cache));
        cursor.Dispose();
        return new WeakReference(a1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KafkaQueueCacheCursor AddReadAndPurgeKeepingCursor(KafkaQueueCache cache, out WeakReference purged)
    {
        var a1 = Batch("alice", 1);
        cache.AddToCache([a1]);
        var cursor = cache.CursorFor(a1);
        Assert.Equal([a1], Drain(cursor));
        Assert.Equal([a1], Purge(cache));
        purged = new WeakReference(a1);
        return cursor;
    }
}
