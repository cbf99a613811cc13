using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StreamAnalytics.Silo.Models;

/// <summary>Wires where the silo's first face model comes from.</summary>
public static class FaceModelHostingExtensions
{
    /// <summary>Binds <see cref="FaceModelOptions"/> and starts loading the model in the background.</summary>
    public static WebApplicationBuilder AddFaceModelStartup(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FaceModelOptions>().BindConfiguration(FaceModelOptions.SectionName)
            .Validate(o => o.BootstrapIdentities is >= 2 and <= 10_000, "Models:Face:BootstrapIdentities must be within [2, 10000].")
            .Validate(o => o.BootstrapEpochs is >= 1 and <= 1000, "Models:Face:BootstrapEpochs must be within [1, 1000].")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ModelSeeder>();
        builder.Services.AddHostedService<FaceModelStartup>();
        return builder;
    }
}
