using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;

namespace StreamAnalytics.Streaming.Kafka.Tests.Cluster;

/// <summary>
/// Grain storage that outlives silos and clusters of the test process, standing in for a durable store:
/// a killed silo loses its activations but not what they wrote, as with a database.
/// </summary>
public sealed class ProbeStorage : IGrainStorage
{
    public const string Name = "probe-store";

    private static readonly ConcurrentDictionary<string, string> _rows = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue(Key(stateName, grainId), out var json))
        {
            grainState.State = JsonSerializer.Deserialize<T>(json)!;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows[Key(stateName, grainId)] = JsonSerializer.Serialize(grainState.State);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove(Key(stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
