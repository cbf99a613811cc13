using System.Text.Json.Serialization;

namespace StreamAnalytics.Cli.Bench;

/// <summary>The result of <c>sa bench ingest</c>.</summary>
/// <param name="Records">Records ingested by each side.</param>
/// <param name="Partitions">Partitions of the topic.</param>
/// <param name="Keys">Distinct stream keys.</param>
/// <param name="PollBatchSize">Records the provider read per poll of a partition.</param>
/// <param name="ProviderRate">Records per second through the Kafka stream provider into counting grains.</param>
/// <param name="BaselineRate">Records per second of a plain Confluent consumer loop counting into a dictionary.</param>
/// <param name="Ratio"><paramref name="ProviderRate"/> / <paramref name="BaselineRate"/>.</param>
/// <param name="Cores">Logical processors of the machine.</param>
internal sealed record IngestResult(int Records, int Partitions, int Keys, int PollBatchSize, double ProviderRate, double BaselineRate, double Ratio, int Cores);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IngestResult))]
internal sealed partial class IngestResultJson : JsonSerializerContext;
