using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;

namespace StreamAnalytics.Cli.Bench;

/// <summary>Listens to the grains' own instruments: events applied, and (when asked) event-time lags.</summary>
internal sealed class AppliedListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _lags = new();
    private readonly long _clockStartsAt;
    private long _total;
    private long _clockStartTimestamp;
    private volatile bool _recordLags;

    // The clock starts when the total applied reaches clockStartsAt (or at the first measurement when it is 0).
    public AppliedListener(long clockStartsAt)
    {
        _clockStartsAt = clockStartsAt;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterNames.Meter && instrument.Name is MeterNames.EventsApplied or MeterNames.EventLag)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            var before = Interlocked.Add(ref _total, value) - value;
            if (before >= _clockStartsAt)
            {
                Interlocked.CompareExchange(ref _clockStartTimestamp, Stopwatch.GetTimestamp(), 0);
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            if (_recordLags)
            {
                _lags.Enqueue(value);
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public double SecondsSinceClockStarted => Stopwatch.GetElapsedTime(Interlocked.Read(ref _clockStartTimestamp)).TotalSeconds;

    public void StartRecordingLags() => _recordLags = true;

    public List<double> TakeLags()
    {
        _recordLags = false;
        return [.. _lags];
    }

    public void Dispose() => _listener.Dispose();
}
