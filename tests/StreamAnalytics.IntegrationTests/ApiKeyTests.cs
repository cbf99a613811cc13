using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using static StreamAnalytics.IntegrationTests.InteractionJson;

namespace StreamAnalytics.IntegrationTests;

/// <summary>The silo host with two API keys configured.</summary>
public sealed class KeyedSiloHostFactory : SiloHostFactory
{
    public const string FirstKey = "first-key-7f3a9c";
    public const string SecondKey = "second-key-0b81e4";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:Keys:0", FirstKey);
        builder.UseSetting("Api:Keys:1", SecondKey);
    }
}

[Trait("Category", "Integration")]
public sealed class ApiKeyTests(KeyedSiloHostFactory keyed, SiloHostFactory open) : IClassFixture<KeyedSiloHostFactory>, IClassFixture<SiloHostFactory>
{
    private readonly HttpClient _client = keyed.CreateClient();

    [Fact]
    public async Task A_write_without_a_key_is_a_401_problem_naming_the_header()
    {
        var response = await PostInteractionAsync(key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first-key-7f3a9d")] // same length as a real key, last character different
    [InlineData("first-key-7f3a9")] // a real key's prefix
    [InlineData("first-key-7f3a9c-and-more")] // a real key with more after it
    [InlineData("x")]
    public async Task A_write_with_a_wrong_key_is_a_401_whatever_its_length(string key)
    {
        var response = await PostInteractionAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_sent_twice_is_refused_even_if_one_copy_is_right()
    {
        using var request = InteractionRequest($"twice-u-{Guid.NewGuid():N}");
        request.Headers.Add("X-Api-Key", [KeyedSiloHostFactory.FirstKey, "wrong"]);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(KeyedSiloHostFactory.FirstKey)]
    [InlineData(KeyedSiloHostFactory.SecondKey)]
    public async Task A_write_with_any_configured_key_is_accepted(string key)
    {
        var response = await PostInteractionAsync(key);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Any_delete_needs_a_key_even_on_a_route_added_later()
    {
        // No DELETE endpoint exists yet: the check goes by method, so it answers before routing decides 404/405.
        var without = await _client.DeleteAsync($"/api/identities/someone-{Guid.NewGuid():N}");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/identities/someone-{Guid.NewGuid():N}");
        request.Headers.Add("X-Api-Key", KeyedSiloHostFactory.SecondKey);
        var with = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, with.StatusCode);
    }

    [Fact]
    public async Task Reads_and_health_need_no_key()
    {
        var health = await _client.GetAsync("/health");
        var user = await _client.GetAsync($"/api/users/nobody-{Guid.NewGuid():N}");
        var product = await _client.GetAsync($"/api/products/nothing-{Guid.NewGuid():N}");

        // Right after start the health answer may still be 503 (the first broker probe has not returned); either way it
        // must not ask for a key.
        Assert.Contains(health.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, product.StatusCode);
    }

    [Fact]
    public async Task Without_configured_keys_a_write_needs_no_key()
    {
        var response = await open.CreateClient().PostAsync("/api/interactions",
            new StringContent(Event("open", $"open-u-{Guid.NewGuid():N}", "view"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public void A_blank_configured_key_stops_the_host_at_start_naming_the_setting()
    {
        using var factory = new SiloHostFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Api:Keys:0", KeyedSiloHostFactory.FirstKey);
            builder.UseSetting("Api:Keys:1", " ");
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Api:Keys:1", error.Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostInteractionAsync(string? key)
    {
        using var request = InteractionRequest($"key-u-{Guid.NewGuid():N}");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _client.SendAsync(request);
    }

    private static HttpRequestMessage InteractionRequest(string user) => new(HttpMethod.Post, "/api/interactions")
    {
        Content = new StringContent(Event("k", user, "view"), Encoding.UTF8, "application/json"),
    };
}
