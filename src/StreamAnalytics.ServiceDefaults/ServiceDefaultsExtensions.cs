using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace StreamAnalytics.ServiceDefaults;

/// <summary>Wires what every StreamAnalytics host shares.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The path Prometheus scrapes: <c>/metrics</c>.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Adds OpenTelemetry metrics for <see cref="ExportedMeters.All"/> with the Prometheus exporter, under the service
    /// name <c>stream-analytics</c>; Prometheus tells silos apart by their scrape target (<c>instance</c>).
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("stream-analytics", serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                foreach (var meter in ExportedMeters.All)
                {
                    metrics.AddMeter(meter);
                }

                metrics.AddPrometheusExporter();
            });
        return builder;
    }

    /// <summary>Maps <see cref="MetricsPath"/>, the Prometheus scrape endpoint (text exposition format).</summary>
    public static IEndpointRouteBuilder MapServiceDefaults(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }
}
