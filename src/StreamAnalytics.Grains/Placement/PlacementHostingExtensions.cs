using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;

namespace StreamAnalytics.Grains.Placement;

/// <summary>Registers the serving grains' placement filter.</summary>
public static class PlacementHostingExtensions
{
    /// <summary>
    /// Adds <see cref="WorkerPlacementFilter"/> with its director, once however often it is called (every composition
    /// that hosts a serving grain calls it: a grain whose filter has no director cannot be placed).
    /// </summary>
    public static IServiceCollection AddWorkerPlacementFilter(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(WorkerPlacementFilterRegistration)))
        {
            return services;
        }

        services.TryAddSingleton<WorkerPlacementFilterRegistration>();
        services.AddPlacementFilter<WorkerPlacementFilter, WorkerPlacementFilterDirector>(ServiceLifetime.Singleton);
        return services;
    }

    // Marks the filter as registered.
    private sealed class WorkerPlacementFilterRegistration;
}
