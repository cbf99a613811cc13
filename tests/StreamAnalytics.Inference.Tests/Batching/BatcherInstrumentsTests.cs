using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Inference.Batching;

namespace StreamAnalytics.Inference.Tests.Batching;

public sealed class BatcherInstrumentsTests
{
    [Fact]
    public async Task Batch_size_queue_delay_duration_and_rejections_are_recorded_under_the_schemes_names()
    {
        using var meterFactory = new TestMeterFactory();
        var measurements = new List<(string Name, double Value, string? Kind, string? Batch)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var all = tags.ToArray();
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, Tag(all, "model.kind"), Tag(all, "batch")));
            }
        }

        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        var handler = new RecordingHandler();
        await using (var batcher = new InferenceBatcher<int, int>(
            handler.Handler,
            new InferenceBatcherOptions { MaxBatchSize = 2, QueueCapacity = 2, MaxQueueDelay = TimeSpan.FromSeconds(30) },
            new InferenceBatcherInstruments(meterFactory, "face")))
        {
            handler.Hold();
            var running = new[] { batcher.SubmitAsync(1), batcher.SubmitAsync(2) };
            await handler.BatchStartedAsync();
            var queued = new[] { batcher.SubmitAsync(3), batcher.SubmitAsync(4) };
            await Assert.ThrowsAsync<BatcherOverloadedException>(() => batcher.SubmitAsync(5));
            handler.Release();
            await Task.WhenAll(running.Concat(queued));
        }

        lock (measurements)
        {
            Assert.All(measurements, m => Assert.Equal("face", m.Kind));
            Assert.Equal([2.0, 2.0], measurements.Where(m => m.Name == MeterNames.InferenceBatchSize).Select(m => m.Value));
            Assert.Equal(4, measurements.Count(m => m.Name == MeterNames.InferenceQueueDelay));
            Assert.Equal(["2-8", "2-8"], measurements.Where(m => m.Name == MeterNames.InferenceDuration).Select(m => m.Batch));

            // Exported at zero from the start, then one refusal.
            Assert.Equal([0.0, 1.0], measurements.Where(m => m.Name == MeterNames.InferenceRejections).Select(m => m.Value));
        }
    }

    private static string? Tag(KeyValuePair<string, object?>[] tags, string key) =>
        tags.FirstOrDefault(tag => tag.Key == key).Value as string;
}
