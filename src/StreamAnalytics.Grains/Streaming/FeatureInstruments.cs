using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;

namespace StreamAnalytics.Grains.Streaming;

/// <summary>The feature grains' instruments, created once per silo from its <see cref="IMeterFactory"/>.</summary>
public sealed class FeatureInstruments
{
    // Exporters' default buckets (0-10,000) suit milliseconds; these seconds histograms need sub-millisecond resolution
    // at the bottom and a minute at the top.
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    /// <summary>Creates the instruments on the StreamAnalytics meter.</summary>
    public FeatureInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterNames.Meter);
        EventsApplied = meter.CreateCounter<long>(MeterNames.EventsApplied, unit: "{event}", description: "Interaction events applied to features.");
        EventsSkipped = meter.CreateCounter<long>(MeterNames.EventsSkipped, unit: "{event}", description: "Redelivered events skipped by their offsets.");
        EventLag = meter.CreateHistogram(MeterNames.EventLag, unit: "s", description: "From an event's timestamp to its features being stored.", tags: null, advice: SecondsBuckets);
        // Skips are rare: export them at zero from the start, so a dashboard shows 0 rather than "no data".
        foreach (var entity in (string[])[StreamNames.UserNamespace, StreamNames.ProductNamespace])
        {
            EventsSkipped.Add(0, new KeyValuePair<string, object?>("entity", entity));
        }

        ProcessDuration = meter.CreateHistogram(MeterNames.ProcessDuration, unit: "s", description: "A delivered batch of Kafka records applied to features and stored.", tags: null, advice: SecondsBuckets);
    }

    public Counter<long> EventsApplied { get; }

    public Counter<long> EventsSkipped { get; }

    public Histogram<double> EventLag { get; }

    public Histogram<double> ProcessDuration { get; }
}
