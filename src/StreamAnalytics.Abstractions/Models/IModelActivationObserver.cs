using Orleans.Concurrency;

namespace StreamAnalytics.Abstractions.Models;

/// <summary>
/// A silo's listener for activations in the model registry (each silo's model watcher): the registry tells every
/// subscriber as soon as a version becomes active, so silos install it without waiting for their next poll.
/// </summary>
public interface IModelActivationObserver : IGrainObserver
{
    /// <summary>Version <paramref name="number"/> of <paramref name="kind"/> became active. One-way: the registry never
    /// waits for a silo; a lost call is made up by the silo's next poll.</summary>
    [OneWay]
    Task Activated(string kind, int number);
}
