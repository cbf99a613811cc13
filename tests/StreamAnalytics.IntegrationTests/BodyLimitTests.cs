using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using static StreamAnalytics.IntegrationTests.InteractionJson;

namespace StreamAnalytics.IntegrationTests;

/// <summary>The silo host with a global request body limit far below POST /api/interactions' own 1 MiB.</summary>
public sealed class SmallBodyLimitSiloHostFactory : SiloHostFactory
{
    public const int Limit = 4096;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:MaxRequestBodyBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Trait("Category", "Integration")]
public sealed class BodyLimitTests(SmallBodyLimitSiloHostFactory factory) : IClassFixture<SmallBodyLimitSiloHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_body_under_the_global_limit_is_accepted()
    {
        var body = Batch($"small-u-{Guid.NewGuid():N}", 10);
        Assert.True(Encoding.UTF8.GetByteCount(body) < SmallBodyLimitSiloHostFactory.Limit);

        var response = await _client.PostAsync("/api/interactions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_global_limit_is_a_413_problem_stating_the_limit()
    {
        var body = Batch($"big-u-{Guid.NewGuid():N}", 60);
        Assert.True(Encoding.UTF8.GetByteCount(body) > SmallBodyLimitSiloHostFactory.Limit);

        var response = await _client.PostAsync("/api/interactions", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task A_body_without_a_length_is_cut_off_at_the_global_limit_with_a_413_problem()
    {
        var content = new UnsizedContent(Encoding.UTF8.GetBytes(Batch($"chunked-u-{Guid.NewGuid():N}", 60)));
        content.Headers.ContentType = new("application/json");
        Assert.Null(content.Headers.ContentLength);

        var response = await _client.PostAsync("/api/interactions", content);

        await AssertTooLargeAsync(response);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("4096 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // Content whose length is not known up front, as a chunked upload sends it.
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
