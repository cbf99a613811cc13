using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Grains.Faces;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Counts the face batcher's batches and their items from its own <c>sa.inference.batch_size</c> histogram, so a
/// benchmark can say what mean batch size the batcher formed over a window (the difference of two snapshots).
/// </summary>
internal sealed class BatchSizeListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _batches;
    private long _items;

    public BatchSizeListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterNames.Meter && instrument.Name == MeterNames.InferenceBatchSize)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, tags, _) =>
        {
            foreach (var tag in tags)
            {
                // The rating model's batcher records on the same instrument; only the face model's batches count.
                if (tag is { Key: "model.kind", Value: FrameIdentifier.Kind })
                {
                    Interlocked.Increment(ref _batches);
                    Interlocked.Add(ref _items, size);
                    return;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Batches and items so far.</summary>
    public (long Batches, long Items) Snapshot() => (Interlocked.Read(ref _batches), Interlocked.Read(ref _items));

    /// <summary>Items per batch between two snapshots; NaN when no batch ran.</summary>
    public static double MeanBatchSize((long Batches, long Items) before, (long Batches, long Items) after) =>
        after.Batches == before.Batches ? double.NaN : (double)(after.Items - before.Items) / (after.Batches - before.Batches);

    public void Dispose() => _listener.Dispose();
}
