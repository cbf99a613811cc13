using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// A single in-process silo for a benchmark: localhost clustering on free ports, the pub-sub store streams need, and
/// logs on stderr so stdout carries only the result (JSON with --json).
/// </summary>
internal static class BenchSilo
{
    public static async Task<IHost> StartAsync(Action<ISiloBuilder> configureSilo, Action<IServiceCollection>? configureServices, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder, configureSilo, configureServices);
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return host;
    }

    /// <summary>Adds the benchmark silo to any host builder (a plain host, or a web host that also serves HTTP).</summary>
    public static void Configure(IHostApplicationBuilder builder, Action<ISiloBuilder> configureSilo, Action<IServiceCollection>? configureServices) =>
        ConfigureClustered(builder, primary: null, configureSilo, configureServices);

    /// <summary>
    /// Adds one silo of a benchmark cluster in this process, on free loopback ports: the primary when
    /// <paramref name="primary"/> is null, otherwise a silo that joins the primary at that endpoint.
    /// </summary>
    /// <returns>This silo's endpoint, which later silos join.</returns>
    public static IPEndPoint ConfigureClustered(
        IHostApplicationBuilder builder, IPEndPoint? primary, Action<ISiloBuilder> configureSilo, Action<IServiceCollection>? configureServices)
    {
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        configureServices?.Invoke(builder.Services);
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(endpoint.Port, FreePort(), primary);
            silo.AddMemoryGrainStorage("PubSubStore");
            configureSilo(silo);
        });
        return endpoint;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
