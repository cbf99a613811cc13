using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Ratings;

/// <summary>Polls an API path until its answer satisfies a condition (events reach grains asynchronously).</summary>
internal static class ApiPolling
{
    /// <summary>The last successful answer once <paramref name="ready"/> holds; fails after a minute.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> ready)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var response = await client.GetAsync(path);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (ready(body))
                {
                    return body;
                }
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{path} did not become ready within a minute; last answer: {last}");
        return default;
    }
}
