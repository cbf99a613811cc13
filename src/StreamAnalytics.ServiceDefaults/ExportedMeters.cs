using StreamAnalytics.Abstractions;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.ServiceDefaults;

/// <summary>The meters a StreamAnalytics host exports: ours, Orleans', ASP.NET Core's and the .NET runtime's.</summary>
public static class ExportedMeters
{
    /// <summary>Every meter name passed to OpenTelemetry's <c>AddMeter</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MeterNames.Meter,
        KafkaMeterNames.Meter,
        // Orleans: silos, activations, messages, grain calls.
        "Microsoft.Orleans",
        // ASP.NET Core: http.server.request.duration (the API's rate, errors and duration) and Kestrel connections.
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        // .NET runtime: CPU time, GC, heap, thread pool (built into .NET 9 and later).
        "System.Runtime",
    ];
}
