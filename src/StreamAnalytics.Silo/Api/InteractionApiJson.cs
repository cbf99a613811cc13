using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamAnalytics.Silo.Api;

/// <summary>Source-generated JSON for the interaction API's own needs.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class InteractionApiJson : JsonSerializerContext;
