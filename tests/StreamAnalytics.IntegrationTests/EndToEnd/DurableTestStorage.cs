using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace StreamAnalytics.IntegrationTests.EndToEnd;

/// <summary>
/// Grain storage that outlives the silos of the test process, standing in for a durable store: a killed silo loses
/// its activations, not what they wrote. State is kept as Orleans-serialized bytes, so activations never share objects.
/// Rows are keyed by the cluster's service id too, so clusters of one test run never see each other's state.
/// </summary>
public sealed class DurableTestStorage(Orleans.Serialization.Serializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, byte[]> _rows = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue($"{cluster.Value.ServiceId}/{stateName}/{grainId}", out var bytes))
        {
            grainState.State = serializer.Deserialize<T>(bytes);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows[$"{cluster.Value.ServiceId}/{stateName}/{grainId}"] = serializer.SerializeToArray(grainState.State);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove($"{cluster.Value.ServiceId}/{stateName}/{grainId}", out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
