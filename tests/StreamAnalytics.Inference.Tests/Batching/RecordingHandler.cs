using System.Collections.Concurrent;
using System.Threading.Channels;
using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

/// <summary>
/// A batch function for tests: output = input × 2 + 1, every batch's inputs recorded in order, and an optional gate
/// that holds each batch until the test opens it (so the test decides what is queued while a batch runs).
/// </summary>
internal sealed class RecordingHandler
{
    private readonly ConcurrentQueue<int[]> _batches = new();
    private readonly Channel<bool> _started = Channel.CreateUnbounded<bool>();
    private TaskCompletionSource _gate = Open();

    /// <summary>Inputs whose batch throws <see cref="PoisonException"/>.</summary>
    public int? Poison { get; init; }

    public IReadOnlyList<int[]> Batches => [.. _batches];

    public static int Expected(int input) => (input * 2) + 1;

    public InferenceBatchHandler<int, int> Handler => RunAsync;

    /// <summary>From now on every batch waits for <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    /// <summary>Waits until a batch has started (it may be held at the gate).</summary>
    public async Task BatchStartedAsync()
    {
        await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async ValueTask RunAsync(ReadOnlyMemory<int> inputs, Memory<int> outputs)
    {
        var copy = inputs.ToArray();
        _batches.Enqueue(copy);
        _started.Writer.TryWrite(true);
        await _gate.Task;
        if (Poison is { } poison && copy.Contains(poison))
        {
            throw new PoisonException();
        }

        for (var i = 0; i < copy.Length; i++)
        {
            outputs.Span[i] = Expected(copy[i]);
        }
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}

internal sealed class PoisonException : Exception
{
    public PoisonException()
        : base("poisoned batch")
    {
    }
}
