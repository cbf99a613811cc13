using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StreamAnalytics.Grains.Streaming;

namespace StreamAnalytics.Grains;

/// <summary>Registers what the feature grains need in a silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Adds the feature grains' instruments (metrics need <c>AddMetrics</c>, which hosts have by default).</summary>
    public static IServiceCollection AddFeatureGrains(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<FeatureInstruments>();
        return services;
    }
}
