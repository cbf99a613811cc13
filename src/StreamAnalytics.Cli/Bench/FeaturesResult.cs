using System.Text.Json.Serialization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The result of <c>sa bench features</c>.</summary>
/// <param name="Events">Interaction events ingested by each side.</param>
/// <param name="EventsPerSecond">Events per second from Kafka into both the user's and the product's stored features.</param>
/// <param name="BaselineEventsPerSecond">Events per second of a plain consumer loop doing the same aggregation in dictionaries.</param>
/// <param name="Ratio"><paramref name="EventsPerSecond"/> / <paramref name="BaselineEventsPerSecond"/>.</param>
/// <param name="LatencyRate">The fixed rate (half the measured maximum) at which latency was measured.</param>
/// <param name="LatencyP50Ms">Median time from an event's timestamp (set when produced) to its features being stored.</param>
/// <param name="LatencyP99Ms">99th percentile of the same.</param>
/// <param name="Cores">Logical processors of the machine.</param>
internal sealed record FeaturesResult(int Events, double EventsPerSecond, double BaselineEventsPerSecond, double Ratio, double LatencyRate, double LatencyP50Ms, double LatencyP99Ms, int Cores);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FeaturesResult))]
internal sealed partial class FeaturesResultJson : JsonSerializerContext;
