using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka;

/// <summary>
/// Spreads the partitions evenly over the silos that are active right now, and moves them as soon as membership
/// changes: when a silo dies or stops, its partitions are pulled by the others from their committed offsets.
/// Every silo computes the same assignment from the same membership view (silos ordered by address, queue i to
/// silo i mod n), so no coordination is needed; while views differ for a moment two silos may pull one partition,
/// which at-least-once delivery and the consumers' per-partition offset watermarks make harmless.
/// </summary>
public sealed partial class ActiveSiloQueueBalancer : QueueBalancerBase
{
    private readonly Lock _gate = new();
    private List<QueueId> _allQueues = [];
    private SiloAddress[] _activeSilos = [];

    /// <summary>Created by <see cref="Create"/>.</summary>
    public ActiveSiloQueueBalancer(IServiceProvider services, ILogger<ActiveSiloQueueBalancer> logger)
        : base(services, logger)
    {
    }

    /// <summary>The factory for <c>ConfigurePartitionBalancing</c>.</summary>
    public static IStreamQueueBalancer Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<ActiveSiloQueueBalancer>(services);

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
        SiloAddress[] silos;
        lock (_gate)
        {
            silos = _activeSilos;
        }

        var index = Array.IndexOf(silos, SiloAddress);
        return index < 0 ? [] : [.. Share(_allQueues, index, silos.Length)];
    }

    /// <inheritdoc />
    protected override void OnClusterMembershipChange(HashSet<SiloAddress> activeSilos)
    {
        var ordered = activeSilos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        lock (_gate)
        {
            _activeSilos = ordered;
        }

        LogMembershipChanged(Logger, ordered.Length, Array.IndexOf(ordered, SiloAddress));
        NotifyListeners().Ignore();
    }

    [LoggerMessage(1, LogLevel.Information, "Active silos changed to {SiloCount}; this silo is number {SiloIndex} and rebalances its Kafka partitions.")]
    private static partial void LogMembershipChanged(ILogger logger, int siloCount, int siloIndex);
}
