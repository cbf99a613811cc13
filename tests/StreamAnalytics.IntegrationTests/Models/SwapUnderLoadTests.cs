using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using StreamAnalytics.IntegrationTests.Faces;
using StreamAnalytics.IntegrationTests.Ratings;
using StreamAnalytics.Inference.Tests;

namespace StreamAnalytics.IntegrationTests.Models;

/// <summary>A silo serving both the test rating model and the test face model.</summary>
public sealed class BothModelsSiloFactory : FaceSiloFactory
{
    private readonly string _ratingPath = RatingModelFile.Write();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Models:Rating:Path", _ratingPath);
        builder.UseSetting("Models:PollInterval", "00:00:00.200");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_ratingPath);
    }
}

[Trait("Category", "Integration")]
public sealed class SwapUnderLoadTests(BothModelsSiloFactory factory) : IClassFixture<BothModelsSiloFactory>
{
    [Fact]
    public async Task Five_consecutive_swaps_under_continuous_predictions_and_identifications_fail_no_request()
    {
        var client = await factory.ReadyClientAsync();
        var frame = await File.ReadAllBytesAsync(TrainedFaceModel.Images(4)[0]);
        var faceModel = await File.ReadAllBytesAsync(TrainedFaceModel.Path);
        var failures = new ConcurrentQueue<string>();
        var ratingVersions = new ConcurrentDictionary<string, int>();
        var faceVersions = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();
        await WaitForServedAsync(client, "rating", RatingModelFile.Version);

        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var prediction = await client.GetAsync($"/api/users/u{worker}/predictions/p1");
                await Record(prediction, ratingVersions, failures);
                using var identification = await FaceApi.PostFrameAsync(client, $"swap-cam-{worker}", frame);
                await Record(identification, faceVersions, failures);
            }
        })).ToList();

        var registered = new Dictionary<string, HashSet<string>> { ["rating"] = [RatingModelFile.Version], ["face"] = ["test-face-1"] };
        for (var swap = 1; swap <= 5; swap++)
        {
            var ratingVersion = $"swap-rating-{swap}-{Guid.NewGuid():N}";
            await ActivateAsync(client, "rating", RatingModelFile.Export(ratingVersion));
            registered["rating"].Add(ratingVersion);
            await WaitForServedAsync(client, "rating", ratingVersion);

            // The same weights under another version string: other bytes, so a real swap with a gallery rebuild.
            var faceVersion = $"swap-face-{swap}-{Guid.NewGuid():N}";
            await ActivateAsync(client, "face", OnnxEdits.WithMetadata(faceModel, "sa.version", faceVersion));
            registered["face"].Add(faceVersion);
            await WaitForServedAsync(client, "face", faceVersion);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.True(ratingVersions.Values.Sum() > 20, $"{ratingVersions.Values.Sum()} predictions");
        Assert.True(faceVersions.Values.Sum() > 20, $"{faceVersions.Values.Sum()} identifications");
        Assert.All(ratingVersions.Keys, v => Assert.Contains(v, registered["rating"]));
        Assert.All(faceVersions.Keys, v => Assert.Contains(v, registered["face"]));
        Assert.True(ratingVersions.Count >= 5, $"predictions came from {ratingVersions.Count} versions");
        Assert.True(faceVersions.Count >= 5, $"identifications came from {faceVersions.Count} versions");
    }

    private static async Task Record(HttpResponseMessage response, ConcurrentDictionary<string, int> versions, ConcurrentQueue<string> failures)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            failures.Enqueue($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }

        var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modelVersion").GetString()!;
        versions.AddOrUpdate(version, 1, (_, n) => n + 1);
    }

    private static async Task ActivateAsync(HttpClient client, string kind, byte[] model) => await Activate(client, kind, await UploadAsync(client, kind, model));

    private static async Task<int> UploadAsync(HttpClient client, string kind, byte[] model)
    {
        using var upload = await client.PostAsync($"/api/models/{kind}", new ByteArrayContent(model));
        Assert.True(upload.IsSuccessStatusCode || upload.StatusCode == HttpStatusCode.Created, $"{kind} upload: {(int)upload.StatusCode}");
        return (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
    }

    private static async Task Activate(HttpClient client, string kind, int number)
    {
        using var activate = await client.PostAsync($"/api/models/{kind}/activate/{number}", null);
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
    }

    private static async Task WaitForServedAsync(HttpClient client, string kind, string version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var models = await client.GetFromJsonAsync<JsonElement>("/api/models");
            var served = models.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == kind).GetProperty("servedHere").GetString();
            if (served == version)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{kind} {version} was not served within 5 s of its activation (serving {served})");
            await Task.Delay(50);
        }
    }
}
