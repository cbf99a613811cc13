using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StreamAnalytics.Grains.Cameras;
using StreamAnalytics.Grains.Placement;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Faces;

/// <summary>Registers a silo's face identification: the model host, the gallery synchroniser, the batcher and the sinks.</summary>
public static class FaceServingHostingExtensions
{
    /// <summary>
    /// Adds what camera and identity grains need, bound from <see cref="FaceServingOptions.SectionName"/>. Without a face
    /// model loaded (see <see cref="FaceModelActivator"/>) frames answer "no model".
    /// </summary>
    public static IServiceCollection AddFaceServing(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddWorkerPlacementFilter();
        services.AddOptions<FaceServingOptions>().BindConfiguration(FaceServingOptions.SectionName)
            .Validate(o => !o.Validate().Any(), "Invalid Faces options; see FaceServingOptions.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(services => new ModelHost<FaceModel>(FrameIdentifier.Kind, services.GetService<ILogger<ModelHost<FaceModel>>>()));
        services.TryAddSingleton<GallerySynchronizer>();
        services.AddHostedService(services => services.GetRequiredService<GallerySynchronizer>());
        services.TryAddSingleton<FrameIdentifier>();
        services.TryAddSingleton<FaceInstruments>();
        services.TryAddSingleton<FaceModelActivator>();
        services.TryAddSingleton<ICameraResultSink, KafkaCameraResultSink>();
        return services;
    }
}
