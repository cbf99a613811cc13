using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using StreamAnalytics.Grains.Streaming;

namespace StreamAnalytics.Grains;

/// <summary>Registers what the feature grains need in a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>
    /// Adds the feature grains' instruments, and stores grain state with the Orleans binary serializer instead of the
    /// default Newtonsoft JSON one: the feature state is <c>[GenerateSerializer]</c>, and JSON serialization of it on
    /// every write cost about half the end-to-end throughput (docs/benchmarks.md).
    /// </summary>
    public static IServiceCollection AddFeatureGrains(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<FeatureInstruments>();
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return services;
    }
}
