using System.Text.Json.Serialization;

namespace StreamAnalytics.Abstractions.Interactions;

/// <summary>Source-generated System.Text.Json metadata for interaction records: camelCase, nulls not written, unknown properties skipped.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(InteractionRecord))]
internal sealed partial class InteractionJsonContext : JsonSerializerContext;
