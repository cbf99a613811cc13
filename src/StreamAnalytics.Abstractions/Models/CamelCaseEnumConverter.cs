using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamAnalytics.Abstractions.Models;

/// <summary>Writes and reads an enum as its camelCase name (<c>"active"</c>), the API's spelling, rather than a number.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
