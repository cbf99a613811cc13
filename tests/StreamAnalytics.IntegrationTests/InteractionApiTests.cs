using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static StreamAnalytics.IntegrationTests.InteractionJson;

namespace StreamAnalytics.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class InteractionApiTests(SiloHostFactory factory) : IClassFixture<SiloHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_valid_batch_is_accepted_and_reaches_the_user_features()
    {
        var user = $"post-u-{Guid.NewGuid():N}";
        var response = await PostAsync($"[{Event("a", user, "view")},{Event("b", user, "like")}]");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement features = default;
        while (DateTime.UtcNow < deadline)
        {
            var get = await _client.GetAsync($"/api/users/{user}");
            if (get.IsSuccessStatusCode && (features = await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventsApplied").GetInt64() == 2)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal(2, features.GetProperty("eventsApplied").GetInt64());
    }

    [Fact]
    public async Task A_batch_with_invalid_items_is_refused_whole_with_each_reason_by_index()
    {
        var user = $"bad-u-{Guid.NewGuid():N}";
        var response = await PostAsync($$"""[{{Event("a", user, "view")}},{{Event("b", user, "teleport")}},{"eventId":"c","productId":"p","type":"view","timestamp":"2026-01-01T00:00:00Z"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("reason").GetString())).ToList();
        Assert.Equal([(1, "unknown type"), (2, "missing userId")], errors);
        await Task.Delay(1_000);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/users/{user}")).StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_an_interaction_or_an_array_of_them_is_a_400(string body)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_413()
    {
        var big = "[" + string.Join(",", Enumerable.Repeat(Event("x", "u", "view"), 12_000)) + "]";
        Assert.True(Encoding.UTF8.GetByteCount(big) > 1 << 20);

        var response = await PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _client.PostAsync("/api/interactions", new StringContent(body, Encoding.UTF8, "application/json"));
}
