using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Grains.Models;

/// <summary>The registry's and trainers' instruments on this silo: swaps and training runs (names in <see cref="MeterNames"/>).</summary>
public sealed class ModelInstruments
{
    private static readonly InstrumentAdvice<double> TrainingBuckets = new() { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800] };

    private static readonly string[] SwapResults = ["swapped", "failed"];
    private static readonly string[] RunResults = ["promoted", "rejected", "skipped", "failed"];

    private readonly Counter<long> _swaps;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on the StreamAnalytics meter; every result starts at 0 so dashboards show it.</summary>
    public ModelInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterNames.Meter);
        _swaps = meter.CreateCounter<long>(MeterNames.ModelSwaps, unit: "{swap}", description: "Model installs by the registry watcher.");
        _runs = meter.CreateCounter<long>(MeterNames.TrainingRuns, unit: "{run}", description: "Training runs by result.");
        _duration = meter.CreateHistogram(MeterNames.TrainingDuration, unit: "s", description: "One training run.", tags: null, advice: TrainingBuckets);
        foreach (var kind in ModelKinds.All)
        {
            foreach (var result in SwapResults)
            {
                _swaps.Add(0, Kind(kind), Result(result));
            }

            foreach (var result in RunResults)
            {
                _runs.Add(0, Kind(kind), Result(result));
            }
        }
    }

    /// <summary>Counts an install attempt.</summary>
    public void Swap(string kind, bool swapped) => _swaps.Add(1, Kind(kind), Result(swapped ? "swapped" : "failed"));

    /// <summary>Counts a finished run (<c>promoted</c>, <c>rejected</c>, <c>skipped</c>, <c>failed</c>) and, when it trained, its duration.</summary>
    public void Run(string kind, string result, TimeSpan elapsed)
    {
        _runs.Add(1, Kind(kind), Result(result));
        if (result is "promoted" or "rejected")
        {
            _duration.Record(elapsed.TotalSeconds, Kind(kind));
        }
    }

    private static KeyValuePair<string, object?> Kind(string kind) => new("model.kind", kind);

    private static KeyValuePair<string, object?> Result(string result) => new("result", result);
}
