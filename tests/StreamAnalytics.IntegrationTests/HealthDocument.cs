using System.Net.Http.Json;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests;

/// <summary>Reads <c>GET /health</c> whatever its status: an unhealthy silo (503) still answers the same document.</summary>
internal static class HealthDocument
{
    public static async Task<JsonElement> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
