using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using StreamAnalytics.IntegrationTests.Faces;

namespace StreamAnalytics.IntegrationTests.Models;

/// <summary>A face silo (embedded defaults: worker and trainer in one process) retraining with few epochs.</summary>
public sealed class QuickTrainingSiloFactory : FaceSiloFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Training:FaceEpochs", "8");
    }
}

[Trait("Category", "Integration")]
public sealed class RetrainingTests(QuickTrainingSiloFactory factory) : IClassFixture<QuickTrainingSiloFactory>
{
    [Fact]
    public async Task Retraining_on_the_gallery_records_the_candidate_with_both_scores_and_promotes_it_only_when_better()
    {
        var client = await factory.ReadyClientAsync();
        for (var person = 21; person <= 28; person++)
        {
            foreach (var image in TrainedFaceModel.Images(person).Take(4))
            {
                using var enrolled = await FaceApi.EnrolAsync(client, $"s{person}", await File.ReadAllBytesAsync(image));
                Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            }
        }

        using (var retrain = await client.PostAsync("/api/models/face/retrain", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        }

        var run = await WaitForRunAsync(client);
        var state = run.GetProperty("state").GetString();
        Assert.True(state is "promoted" or "rejected", run.ToString());
        var number = run.GetProperty("version").GetInt32();
        var face = (await client.GetFromJsonAsync<JsonElement>("/api/models")).GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("kind").GetString() == "face");
        var candidate = face.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == number);
        Assert.Equal("trainer", candidate.GetProperty("source").GetString());
        var accuracy = candidate.GetProperty("metrics").GetProperty("heldOutAccuracy").GetDouble();
        var activeAccuracy = candidate.GetProperty("metrics").GetProperty("activeHeldOutAccuracy").GetDouble();
        Assert.Equal(8, candidate.GetProperty("metrics").GetProperty("identities").GetDouble());
        if (accuracy > activeAccuracy)
        {
            Assert.Equal("promoted", state);
            Assert.Equal(number, face.GetProperty("active").GetInt32());
        }
        else
        {
            Assert.Equal("rejected", state);
            Assert.Equal("rejected", candidate.GetProperty("status").GetString());
            Assert.NotEqual(number, face.GetProperty("active").GetInt32());
        }
    }

    [Fact]
    public async Task Rating_retraining_without_enough_stored_ratings_is_skipped_and_says_why()
    {
        var client = await factory.ReadyClientAsync();

        using var retrain = await client.PostAsync("/api/models/rating/retrain", null);

        Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        var run = await WaitForRunAsync(client, "rating");
        Assert.Equal("skipped", run.GetProperty("state").GetString());
        Assert.Contains("training store", run.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForRunAsync(HttpClient client, string kind = "face")
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/api/models/{kind}/training");
            if (run.GetProperty("state").GetString() is not ("running" or "idle"))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"training still running after 180 s: {run}");
            await Task.Delay(250);
        }
    }
}
