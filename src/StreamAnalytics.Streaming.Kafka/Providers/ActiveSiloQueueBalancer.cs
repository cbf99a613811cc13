using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Spreads the partitions evenly over the silos that are active right now, and moves them as soon as membership
/// changes: when a silo dies or stops, its partitions are pulled by the others from their committed offsets.
/// Every silo computes the same assignment from the same membership view (silos ordered by address, queue i to
/// silo i mod n), so no coordination is needed.
/// </summary>
/// <remarks>
/// A silo gives up partitions at once but takes new ones only after a hand-over delay, so the previous owner can
/// commit what it delivered before the new owner reads from the committed offset. Whatever is still uncommitted is
/// redelivered, which at-least-once delivery and the consumers' per-partition offset watermarks make harmless.
/// </remarks>
public sealed partial class ActiveSiloQueueBalancer : QueueBalancerBase
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _handOverDelay;
    private List<QueueId> _allQueues = [];
    private HashSet<QueueId> _owned = [];
    private HashSet<QueueId> _settled = [];
    private int _generation;

    /// <summary>Created by <see cref="Create"/>.</summary>
    public ActiveSiloQueueBalancer(IServiceProvider services, ILogger<ActiveSiloQueueBalancer> logger, TimeSpan handOverDelay)
        : base(services, logger)
    {
        _handOverDelay = handOverDelay;
    }

    /// <summary>The factory for <c>ConfigurePartitionBalancing</c>; the hand-over delay is twice the commit interval.</summary>
    public static IStreamQueueBalancer Create(IServiceProvider services, string name)
    {
        var options = services.GetOptionsByName<KafkaStreamOptions>(name);
        return ActivatorUtilities.CreateInstance<ActiveSiloQueueBalancer>(services, options.CommitInterval * 2);
    }

    /// <summary>The queues silo number <paramref name="siloIndex"/> of <paramref name="siloCount"/> owns.</summary>
    public static IEnumerable<QueueId> Share(IReadOnlyList<QueueId> queues, int siloIndex, int siloCount)
    {
        for (var i = siloIndex; i < queues.Count; i += siloCount)
        {
            yield return queues[i];
        }
    }

    /// <inheritdoc />
    public override Task Initialize(IStreamQueueMapper queueMapper)
    {
        _allQueues = [.. queueMapper.GetAllQueues()];
        return base.Initialize(queueMapper);
    }

    /// <inheritdoc />
    public override IEnumerable<QueueId> GetMyQueues()
    {
        lock (_gate)
        {
            return [.. _settled];
        }
    }

    /// <inheritdoc />
    protected override void OnClusterMembershipChange(HashSet<SiloAddress> activeSilos)
    {
        var ordered = activeSilos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        var index = Array.IndexOf(ordered, SiloAddress);
        var share = index < 0 ? [] : Share(_allQueues, index, ordered.Length).ToHashSet();
        int generation;
        lock (_gate)
        {
            generation = ++_generation;
            _owned = share;
            // Keep what stays ours, drop what moved away; what is new to us waits for the hand-over delay.
            _settled = [.. _settled.Where(share.Contains)];
        }

        LogMembershipChanged(Logger, ordered.Length, index, share.Count);
        NotifyListeners().Ignore();
        TakeOverAfterDelayAsync(generation).Ignore();
    }

    private async Task TakeOverAfterDelayAsync(int generation)
    {
        await Task.Delay(_handOverDelay, Cancellation);
        lock (_gate)
        {
            if (generation != _generation)
            {
                return; // membership changed again; that change schedules its own take-over
            }

            _settled = [.. _owned];
        }

        await NotifyListeners();
    }

    [LoggerMessage(1, LogLevel.Information, "Active silos changed to {SiloCount}; this silo is number {SiloIndex} and will pull {PartitionCount} Kafka partitions.")]
    private static partial void LogMembershipChanged(ILogger logger, int siloCount, int siloIndex, int partitionCount);
}
