namespace StreamAnalytics.Grains.Models;

/// <summary>How a silo follows the model registry, bound from <c>Models</c>.
/// <code>"Models": { "PollInterval": "00:00:01", "NoticeJitter": "00:00:00.250", "RetryFailedAfter": "00:00:30" }</code></summary>
public sealed class ModelWatcherOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Models";

    /// <summary>How often the silo asks each registry for its active version. Registries also tell subscribed silos of
    /// each activation at once, so this bounds a swap's delay only when that notice is lost (a registry that moved, a
    /// dropped one-way call). Defaults to 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On an activation notice, each silo waits a random time up to this long before installing, so the silos do not
    /// all download from the registry and build the new session at the same instant (on shared hosts, their swaps would
    /// compete for the same cores while they serve). Defaults to 250 ms; zero installs at once.
    /// </summary>
    public TimeSpan NoticeJitter { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After a version failed to load on this silo, how long before it is tried again. Defaults to 30 seconds.</summary>
    public TimeSpan RetryFailedAfter { get; set; } = TimeSpan.FromSeconds(30);
}
