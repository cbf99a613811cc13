using Orleans.Streams;

namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

public interface IProbeGrain : IGrainWithStringKey
{
    Task<ProbeCounts> GetCounts();
}

[GenerateSerializer, Immutable]
public sealed record ProbeCounts([property: Id(0)] long Applied, [property: Id(1)] long Duplicates);

/// <summary>What a probe grain persists: its counts and, per topic-partition, the position of the last applied event.</summary>
public sealed class ProbeState
{
    public long Applied { get; set; }

    public long Duplicates { get; set; }

    public Dictionary<string, long[]> Watermarks { get; set; } = [];
}

/// <summary>
/// Counts the events of its stream exactly once: an event at or below the watermark of its partition is a
/// redelivery and is skipped. The state is written before the event is acknowledged, so a silo crash loses nothing.
/// </summary>
public abstract class ProbeGrainBase([PersistentState("probe", ProbeStorage.Name)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain
{
    protected abstract string StreamNamespace { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(ProbeCluster.ProviderName)
            .GetStream<object>(StreamId.Create(StreamNamespace, this.GetPrimaryKeyString()));
        // For an implicit subscription, subscribing on activation attaches this grain's handler to it.
        await stream.SubscribeAsync(OnNextAsync);
    }

    public Task<ProbeCounts> GetCounts() => Task.FromResult(new ProbeCounts(state.State.Applied, state.State.Duplicates));

    private async Task OnNextAsync(object item, StreamSequenceToken? token)
    {
        var position = (KafkaStreamSequenceToken)token!;
        var partitionKey = $"{position.Topic}/{position.Partition}";
        if (state.State.Watermarks.TryGetValue(partitionKey, out var mark)
            && (position.Offset < mark[0] || (position.Offset == mark[0] && position.EventIndex <= mark[1])))
        {
            state.State.Duplicates++;
        }
        else
        {
            state.State.Applied++;
            state.State.Watermarks[partitionKey] = [position.Offset, position.EventIndex];
        }

        await state.WriteStateAsync();
    }
}

[ImplicitStreamSubscription(ProbeCluster.UserNamespace)]
public sealed class ProbeUserGrain([PersistentState("probe", ProbeStorage.Name)] IPersistentState<ProbeState> state)
    : ProbeGrainBase(state), IProbeUserGrain
{
    protected override string StreamNamespace => ProbeCluster.UserNamespace;
}

[ImplicitStreamSubscription(ProbeCluster.ProductNamespace)]
public sealed class ProbeProductGrain([PersistentState("probe", ProbeStorage.Name)] IPersistentState<ProbeState> state)
    : ProbeGrainBase(state), IProbeProductGrain
{
    protected override string StreamNamespace => ProbeCluster.ProductNamespace;
}

public interface IProbeUserGrain : IProbeGrain;

public interface IProbeProductGrain : IProbeGrain;
