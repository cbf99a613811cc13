using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;

namespace StreamAnalytics.Inference.Batching;

/// <summary>
/// Records what a batcher does on the StreamAnalytics meter, named by the scheme in docs/operations.md:
/// <c>sa.inference.batch_size</c>, <c>sa.inference.queue_delay</c>, <c>sa.inference.duration</c> (with the
/// <c>batch</c> bucket) and <c>sa.inference.rejections</c>, each tagged with the model kind.
/// </summary>
public sealed class InferenceBatcherInstruments : IInferenceBatcherObserver
{
    private static readonly InstrumentAdvice<int> BatchSizeBuckets = new()
    {
        HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128],
    };

    private readonly KeyValuePair<string, object?> _kindTag;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _queueDelay;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rejections;

    /// <summary>Creates the instruments for the batcher of <paramref name="modelKind"/> (<c>face</c>, <c>rating</c>).</summary>
    public InferenceBatcherInstruments(IMeterFactory meterFactory, string modelKind)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelKind);
        _kindTag = new("model.kind", modelKind);
        var meter = meterFactory.Create(MeterNames.Meter);
        _batchSize = meter.CreateHistogram(
            MeterNames.InferenceBatchSize, unit: "{item}", description: "Items per batch the inference batcher ran.", tags: null, advice: BatchSizeBuckets);
        _queueDelay = meter.CreateHistogram(
            MeterNames.InferenceQueueDelay, unit: "s", description: "Time an item waited for its batch.", tags: null, advice: InferenceBuckets.Seconds);
        _duration = meter.CreateHistogram(
            MeterNames.InferenceDuration, unit: "s", description: "One model call.", tags: null, advice: InferenceBuckets.Seconds);
        _rejections = meter.CreateCounter<long>(
            MeterNames.InferenceRejections, unit: "{item}", description: "Items refused because the inference queue was full.");

        // Rare: exported at zero from the start, so a dashboard shows 0 rather than no data.
        _rejections.Add(0, _kindTag);
    }

    /// <inheritdoc/>
    public void OnItemDequeued(TimeSpan queueDelay) => _queueDelay.Record(queueDelay.TotalSeconds, _kindTag);

    /// <inheritdoc/>
    public void OnBatchCompleted(int size, TimeSpan duration, Exception? failure)
    {
        _batchSize.Record(size, _kindTag);
        _duration.Record(duration.TotalSeconds, _kindTag, new KeyValuePair<string, object?>("batch", InferenceBuckets.BatchBucket(size)));
    }

    /// <inheritdoc/>
    public void OnRejected() => _rejections.Add(1, _kindTag);
}
