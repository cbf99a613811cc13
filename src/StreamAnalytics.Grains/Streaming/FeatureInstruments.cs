using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;

namespace StreamAnalytics.Grains.Streaming;

/// <summary>The feature grains' instruments, created once per silo from its <see cref="IMeterFactory"/>.</summary>
public sealed class FeatureInstruments
{
    /// <summary>Creates the instruments on the StreamAnalytics meter.</summary>
    public FeatureInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterNames.Meter);
        EventsApplied = meter.CreateCounter<long>(MeterNames.EventsApplied, unit: "{event}", description: "Interaction events applied to features.");
        EventsSkipped = meter.CreateCounter<long>(MeterNames.EventsSkipped, unit: "{event}", description: "Redelivered events skipped by their offsets.");
        EventLag = meter.CreateHistogram<double>(MeterNames.EventLag, unit: "s", description: "From an event's timestamp to its features being stored.");
    }

    public Counter<long> EventsApplied { get; }

    public Counter<long> EventsSkipped { get; }

    public Histogram<double> EventLag { get; }
}
