using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace StreamAnalytics.IntegrationTests;

/// <summary>The host with a 0-10 rating scale configured under <c>Interactions</c>.</summary>
public sealed class TenPointScaleHostFactory : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Interactions:RatingMin", "0");
        builder.UseSetting("Interactions:RatingMax", "10");
    }
}

[Trait("Category", "Integration")]
public sealed class RatingScaleTests(TenPointScaleHostFactory factory) : IClassFixture<TenPointScaleHostFactory>
{
    [Fact]
    public async Task The_configured_rating_scale_decides_what_is_out_of_range()
    {
        var client = factory.CreateClient();

        var inside = await client.PostAsync("/api/interactions", Json(Rating("in", 8)));
        var outside = await client.PostAsync("/api/interactions", Json(Rating("out", 11)));

        Assert.Equal(HttpStatusCode.Accepted, inside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var reason = (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("reason").GetString();
        Assert.Equal("rating out of range", reason);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Rating(string id, double rating) =>
        $$"""{"eventId":"scale-{{id}}-{{Guid.NewGuid():N}}","userId":"scale-u","productId":"scale-p","type":"rating","rating":{{rating}},"timestamp":"2026-01-01T00:00:00Z"}""";
}
