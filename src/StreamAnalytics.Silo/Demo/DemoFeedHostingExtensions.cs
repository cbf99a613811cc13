namespace StreamAnalytics.Silo.Demo;

/// <summary>Wires the <c>--demo</c> feed.</summary>
public static class DemoFeedHostingExtensions
{
    /// <summary>The command-line switch that starts the synthetic feed in-process.</summary>
    public const string Switch = "--demo";

    /// <summary>Removes <c>--demo</c> from <paramref name="args"/> (configuration cannot parse a bare switch) and reports whether it was there.</summary>
    public static string[] TakeDemoSwitch(string[] args, out bool demo)
    {
        demo = args.Contains(Switch, StringComparer.Ordinal);
        return [.. args.Where(a => !string.Equals(a, Switch, StringComparison.Ordinal))];
    }

    /// <summary>Binds <see cref="DemoFeedOptions"/> and starts the feed when enabled (by <c>--demo</c> or <c>Demo:Enabled</c>).</summary>
    public static WebApplicationBuilder AddDemoFeed(this WebApplicationBuilder builder, bool demoSwitch)
    {
        if (demoSwitch)
        {
            builder.Configuration[$"{DemoFeedOptions.SectionName}:Enabled"] = "true";
        }

        var options = builder.Configuration.GetSection(DemoFeedOptions.SectionName).Get<DemoFeedOptions>() ?? new DemoFeedOptions();
        builder.Services.AddOptions<DemoFeedOptions>().BindConfiguration(DemoFeedOptions.SectionName)
            .Validate(o => o.Rate is > 0 and <= 100_000 && o.Users > 0 && o.Products > 0, "Demo: Rate must be within (0, 100000], Users and Products positive.")
            .Validate(o => o.Cameras is >= 0 and <= 1000 && o.CameraFps is > 0 and <= 10_000, "Demo: Cameras must be within [0, 1000] and CameraFps within (0, 10000].")
            .ValidateOnStart();
        if (options.Enabled)
        {
            builder.Services.AddHostedService<DemoFeed>();
            builder.Services.AddHostedService<DemoCameraFeed>();
        }

        return builder;
    }
}
