using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StreamAnalytics.Abstractions.Models;

namespace StreamAnalytics.Grains.Models;

/// <summary>Registers the model registry's per-silo parts: validators, installers and the watcher.</summary>
public static class ModelRegistryHostingExtensions
{
    /// <summary>
    /// Adds the validators the registry grain uses, this silo's installers (the rating and face model hosts must be
    /// registered: <c>AddFeatureGrains</c>, <c>AddFaceServing</c>) and the <see cref="ModelWatcher"/> that keeps this
    /// silo on each kind's active version.
    /// </summary>
    public static IServiceCollection AddModelRegistry(this IServiceCollection services)
    {
        services.AddOptions<ModelWatcherOptions>().BindConfiguration(ModelWatcherOptions.SectionName)
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(10) && o.RetryFailedAfter >= TimeSpan.Zero && o.NoticeJitter >= TimeSpan.Zero && o.NoticeJitter <= TimeSpan.FromMinutes(1),
                "Models:PollInterval must be at least 10 ms, RetryFailedAfter not negative, NoticeJitter within [0, 1 min].")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<IModelValidator, RatingModelValidator>(ModelKinds.Rating);
        services.AddKeyedSingleton<IModelValidator, FaceModelValidator>(ModelKinds.Face);
        services.AddKeyedSingleton<IModelInstaller, RatingModelInstaller>(ModelKinds.Rating);
        services.AddKeyedSingleton<IModelInstaller, FaceModelInstaller>(ModelKinds.Face);
        services.AddMetrics();
        services.TryAddSingleton<ModelInstruments>();
        services.TryAddSingleton<ModelWatcher>();
        services.AddHostedService(services => services.GetRequiredService<ModelWatcher>());
        return services;
    }
}
