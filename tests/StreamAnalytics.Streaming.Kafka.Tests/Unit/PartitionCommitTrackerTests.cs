
namespace StreamAnalytics.Streaming.Kafka.Tests.Unit;

public sealed class PartitionCommitTrackerTests
{
    private readonly PartitionCommitTracker _tracker = new();

    [Fact]
    public void Nothing_is_committable_before_any_delivery()
    {
        _tracker.RegisterPoll(containerCount: 3, nextOffset: 10);

        Assert.Equal(-1, _tracker.CommittableOffset);
        Assert.Equal(1, _tracker.PendingPolls);
    }

    [Fact]
    public void New_tracker_has_nothing_committable_and_nothing_pending()
    {
        Assert.Equal(-1, _tracker.CommittableOffset);
        Assert.Equal(0, _tracker.PendingPolls);
        Assert.False(_tracker.TryAdvance(0, out var offset));
        Assert.Equal(-1, offset);
    }

    [Fact]
    public void Purging_the_last_container_of_a_poll_releases_its_next_offset()
    {
        var first = _tracker.RegisterPoll(containerCount: 3, nextOffset: 10);

        var moved = _tracker.TryAdvance(first + 2, out var offset);

        Assert.True(moved);
        Assert.Equal(10, offset);
        Assert.Equal(10, _tracker.CommittableOffset);
        Assert.Equal(0, _tracker.PendingPolls);
    }

    [Fact]
    public void Purging_an_earlier_container_of_a_poll_releases_nothing()
    {
        var first = _tracker.RegisterPoll(containerCount: 3, nextOffset: 10);

        var moved = _tracker.TryAdvance(first + 1, out var offset);

        Assert.False(moved);
        Assert.Equal(-1, offset);
        Assert.Equal(1, _tracker.PendingPolls);
    }

    [Fact]
    public void Purging_the_same_container_twice_releases_only_once()
    {
        var first = _tracker.RegisterPoll(containerCount: 1, nextOffset: 10);
        _tracker.TryAdvance(first, out _);

        var movedAgain = _tracker.TryAdvance(first, out var offset);

        Assert.False(movedAgain);
        Assert.Equal(10, offset);
    }

    [Fact]
    public void Purging_a_later_polls_container_releases_every_earlier_poll()
    {
        _tracker.RegisterPoll(containerCount: 2, nextOffset: 10);
        _tracker.RegisterPoll(containerCount: 1, nextOffset: 15);
        var third = _tracker.RegisterPoll(containerCount: 2, nextOffset: 30);

        var moved = _tracker.TryAdvance(third + 1, out var offset);

        Assert.True(moved);
        Assert.Equal(30, offset);
        Assert.Equal(0, _tracker.PendingPolls);
    }

    [Fact]
    public void Purging_an_early_container_of_a_later_poll_releases_only_the_polls_before_it()
    {
        _tracker.RegisterPoll(containerCount: 2, nextOffset: 10);
        var second = _tracker.RegisterPoll(containerCount: 3, nextOffset: 20);

        var moved = _tracker.TryAdvance(second + 1, out var offset);

        Assert.True(moved);
        Assert.Equal(10, offset);
        Assert.Equal(1, _tracker.PendingPolls);
    }

    [Fact]
    public void Poll_with_no_containers_and_nothing_pending_is_committable_at_once()
    {
        _tracker.RegisterPoll(containerCount: 0, nextOffset: 7);

        Assert.Equal(7, _tracker.CommittableOffset);
        Assert.Equal(0, _tracker.PendingPolls);
    }

    [Fact]
    public void Poll_with_no_containers_after_everything_was_delivered_is_committable_at_once()
    {
        var first = _tracker.RegisterPoll(containerCount: 1, nextOffset: 5);
        _tracker.TryAdvance(first, out _);

        _tracker.RegisterPoll(containerCount: 0, nextOffset: 9);

        Assert.Equal(9, _tracker.CommittableOffset);
    }

    [Fact]
    public void Poll_with_no_containers_behind_a_pending_poll_waits_and_is_released_with_it()
    {
        var first = _tracker.RegisterPoll(containerCount: 2, nextOffset: 10);
        _tracker.RegisterPoll(containerCount: 0, nextOffset: 14);

        Assert.Equal(-1, _tracker.CommittableOffset);
        Assert.Equal(1, _tracker.PendingPolls);

        var moved = _tracker.TryAdvance(first + 1, out var offset);

        Assert.True(moved);
        Assert.Equal(14, offset);
    }

    [Fact]
    public void Poll_with_no_containers_is_not_released_by_purging_an_earlier_poll_than_the_one_it_follows()
    {
        var first = _tracker.RegisterPoll(containerCount: 1, nextOffset: 10);
        var second = _tracker.RegisterPoll(containerCount: 1, nextOffset: 20);
        _tracker.RegisterPoll(containerCount: 0, nextOffset: 25);

        _tracker.TryAdvance(first, out var afterFirst);
        _tracker.TryAdvance(second, out var afterSecond);

        Assert.Equal(10, afterFirst);
        Assert.Equal(25, afterSecond);
    }

    [Fact]
    public void Receive_sequences_are_consecutive_across_polls()
    {
        var first = _tracker.RegisterPoll(containerCount: 2, nextOffset: 10);
        var second = _tracker.RegisterPoll(containerCount: 3, nextOffset: 20);
        var empty = _tracker.RegisterPoll(containerCount: 0, nextOffset: 21);
        var third = _tracker.RegisterPoll(containerCount: 1, nextOffset: 22);

        Assert.Equal(0, first);
        Assert.Equal(2, second);
        Assert.Equal(5, empty);
        Assert.Equal(5, third);
    }

    [Fact]
    public void Committable_offset_never_moves_backwards()
    {
        _tracker.RegisterPoll(containerCount: 0, nextOffset: 50);
        var first = _tracker.RegisterPoll(containerCount: 1, nextOffset: 40);

        _tracker.TryAdvance(first, out var offset);

        Assert.Equal(50, offset);
    }

    [Fact]
    public void Negative_container_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tracker.RegisterPoll(-1, 10));
    }
}
