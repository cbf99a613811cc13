using System.Diagnostics.Metrics;

namespace StreamAnalytics.Inference.Tests;

/// <summary>Meters scoped to one test: a listener enables only instruments whose meter's scope is this factory, so
/// tests running in parallel never hear each other.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
