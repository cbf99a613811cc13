using Orleans.Streams;

namespace StreamAnalytics.Cli.Bench;

/// <summary>A benchmark subscriber: counts the events of its stream.</summary>
public interface IBenchCounterGrain : IGrainWithStringKey
{
    /// <summary>Events counted by this grain.</summary>
    Task<long> GetCount();
}

/// <summary>Counts the events of one key of the benchmark namespace and reports each to <see cref="IngestProgress"/>.</summary>
[ImplicitStreamSubscription(IngestBenchmark.StreamNamespace)]
internal sealed class BenchCounterGrain : Grain, IBenchCounterGrain
{
    private long _count;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(IngestBenchmark.ProviderName)
            .GetStream<object>(StreamId.Create(IngestBenchmark.StreamNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((_, _) =>
        {
            _count++;
            IngestProgress.Count();
            return Task.CompletedTask;
        });
    }

    public Task<long> GetCount() => Task.FromResult(_count);
}
