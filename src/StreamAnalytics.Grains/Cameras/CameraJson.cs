using System.Text.Json;
using System.Text.Json.Serialization;
using StreamAnalytics.Abstractions.Cameras;

namespace StreamAnalytics.Grains.Cameras;

/// <summary>The JSON shape of identifications (camelCase), shared by the <c>identifications</c> topic and the HTTP API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CameraIdentification))]
public sealed partial class CameraJson : JsonSerializerContext;
