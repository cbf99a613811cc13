using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StreamAnalytics.Silo.Models;

/// <summary>Wires where the silo's first rating model comes from.</summary>
public static class RatingModelHostingExtensions
{
    /// <summary>Binds <see cref="RatingModelOptions"/> and starts loading (or bootstrapping) the model in the background.</summary>
    public static WebApplicationBuilder AddRatingModelStartup(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RatingModelOptions>().BindConfiguration(RatingModelOptions.SectionName)
            .Validate(o => o.BootstrapRatings is >= 0 and <= 1_000_000, "Models:Rating:BootstrapRatings must be within [0, 1000000].")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ModelSeeder>();
        builder.Services.AddHostedService<RatingModelStartup>();
        return builder;
    }
}
