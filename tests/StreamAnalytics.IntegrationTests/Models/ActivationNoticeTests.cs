using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using StreamAnalytics.IntegrationTests.Ratings;

namespace StreamAnalytics.IntegrationTests.Models;

/// <summary>A silo that polls the registry only every 10 minutes: anything it installs sooner came by notice.</summary>
public sealed class RarelyPollingSiloFactory : SiloHostFactory
{
    private readonly string _modelPath = RatingModelFile.Write();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Models:Rating:Path", _modelPath);
        builder.UseSetting("Models:PollInterval", "00:10:00");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_modelPath);
    }
}

[Trait("Category", "Integration")]
public sealed class ActivationNoticeTests(RarelyPollingSiloFactory factory) : IClassFixture<RarelyPollingSiloFactory>
{
    [Fact]
    public async Task An_activation_is_installed_on_notice_long_before_the_next_poll()
    {
        var client = factory.CreateClient();
        // The start-up model arrives on the watcher's first poll, which also subscribes the silo to the registry.
        await ServedAsync(client, RatingModelFile.Version, TimeSpan.FromSeconds(30));
        var next = $"notice-{Guid.NewGuid():N}";
        using var upload = await client.PostAsync("/api/models/rating", new ByteArrayContent(RatingModelFile.Export(next)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var number = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();

        var clock = Stopwatch.StartNew();
        using var activate = await client.PostAsync($"/api/models/rating/activate/{number}", null);
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);

        // 10 minutes to the next poll; the notice makes it seconds.
        await ServedAsync(client, next, TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    private static async Task ServedAsync(HttpClient client, string version, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var models = await client.GetFromJsonAsync<JsonElement>("/api/models");
            var rating = models.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "rating");
            if (rating.GetProperty("servedHere").GetString() == version)
            {
                return;
            }

            Assert.True(clock.Elapsed < within, $"the silo did not serve {version} within {within}: {rating}");
            await Task.Delay(50);
        }
    }
}
