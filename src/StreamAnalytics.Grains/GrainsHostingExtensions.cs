using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using StreamAnalytics.Grains.Placement;
using StreamAnalytics.Grains.Ratings;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.Grains.Streaming;

namespace StreamAnalytics.Grains;

/// <summary>Registers what the feature grains need in a silo, the rating model's host and scorer included.</summary>
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
        // The rating model: one host and scorer per silo, shared by every grain on it. Without a model loaded the
        // grains keep their features and skip predictions.
        services.AddOptions<RatingServingOptions>().BindConfiguration(RatingServingOptions.SectionName)
            .Validate(o => !o.Validate().Any(), "Invalid Ratings options; see RatingServingOptions.")
            .ValidateOnStart();
        services.TryAddSingleton(services => new ModelHost<RatingModel>(RatingInstruments.Kind, services.GetService<ILogger<ModelHost<RatingModel>>>()));
        services.TryAddSingleton<RatingInstruments>();
        services.TryAddSingleton<RatingScorer>();
        services.TryAddSingleton<RatingContextCache>();
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        services.AddWorkerPlacementFilter();
        return services;
    }
}
