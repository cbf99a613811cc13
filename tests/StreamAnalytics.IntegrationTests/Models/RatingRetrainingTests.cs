using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.IntegrationTests.Ratings;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Evaluation.Baselines;
using StreamAnalytics.Training.Rating;

namespace StreamAnalytics.IntegrationTests.Models;

/// <summary>A silo on the embedded defaults (worker and trainer) saving its rating store often.</summary>
public sealed class RatingTrainingSiloFactory : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Training:StoreSaveInterval", "00:00:00.200");
        builder.UseSetting("Training:MinRatings", "1000");
    }
}

[Trait("Category", "Integration")]
public sealed class RatingRetrainingTests(RatingTrainingSiloFactory factory) : IClassFixture<RatingTrainingSiloFactory>
{
    [Fact]
    public async Task A_retrain_beats_a_weak_active_model_and_is_promoted_then_the_same_data_again_is_rejected()
    {
        var client = factory.CreateClient();
        var weak = await ActivateAsync(client, ConstantModel(1f));
        await RatingEvents.PostAsync(client, RatingEvents.Synthetic(5_000));
        await WaitForStoreAsync(client, 5_000);

        var first = await RetrainAsync(client);

        var metrics = first.Candidate.GetProperty("metrics");
        Assert.True(first.Run.GetProperty("state").GetString() == "promoted", $"{first.Run} {metrics}");
        Assert.Equal("trainer", first.Candidate.GetProperty("source").GetString());
        Assert.Equal(3_500, metrics.GetProperty("ratings").GetDouble());
        Assert.Equal(750, metrics.GetProperty("heldOut").GetDouble());
        var rmse = metrics.GetProperty("heldOutRmse").GetDouble();
        // The constant 1 is far off ratings around 3: the active version's score proves it was scored on the hold-out.
        Assert.True(metrics.GetProperty("activeHeldOutRmse").GetDouble() > 1.5, metrics.ToString());
        Assert.True(rmse < metrics.GetProperty("activeHeldOutRmse").GetDouble(), metrics.ToString());
        Assert.True(rmse <= metrics.GetProperty("globalMeanHeldOutRmse").GetDouble(), metrics.ToString());
        Assert.True(rmse <= metrics.GetProperty("biasesHeldOutRmse").GetDouble(), metrics.ToString());
        Assert.Equal(first.Number, first.Kind.GetProperty("active").GetInt32());
        Assert.NotEqual(weak, first.Number);

        // No new rating since: the same training on the same data cannot beat what it produced before.
        var second = await RetrainAsync(client);

        Assert.Equal("rejected", second.Run.GetProperty("state").GetString());
        Assert.Equal("rejected", second.Candidate.GetProperty("status").GetString());
        Assert.Equal(first.Number, second.Kind.GetProperty("active").GetInt32());
        // The active version now is the first candidate, scored on the same hold-out: the same RMSE as when it was trained.
        Assert.Equal(rmse, second.Candidate.GetProperty("metrics").GetProperty("activeHeldOutRmse").GetDouble(), 6);
        Assert.Contains("not better than the active version", second.Run.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    // A valid rating model that answers 1 for everything.
    private static byte[] ConstantModel(float rating) => RatingOnnxExporter.Export(
        BaselineRatingWeights.GlobalMean(new GlobalMeanPredictor(rating), RatingFeatureVector.Names, 1, 5), "weak", DateTimeOffset.UtcNow);

    private static async Task<int> ActivateAsync(HttpClient client, byte[] onnx)
    {
        using var body = new ByteArrayContent(onnx);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var registered = await client.PostAsync("/api/models/rating", body);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var number = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        using var activated = await client.PostAsync($"/api/models/rating/activate/{number}", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        return number;
    }

    private static Task<JsonElement> WaitForStoreAsync(HttpClient client, int ratings) =>
        ApiPolling.WaitForAsync(client, "/api/models/rating/training", run => run.GetProperty("data").GetProperty("held").GetInt32() >= ratings);

    private static async Task<(JsonElement Run, JsonElement Kind, JsonElement Candidate, int Number)> RetrainAsync(HttpClient client)
    {
        using (var retrain = await client.PostAsync("/api/models/rating/retrain", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        }

        var run = await ApiPolling.WaitForAsync(client, "/api/models/rating/training", r => r.GetProperty("state").GetString() is not ("running" or "idle"));
        Assert.True(run.GetProperty("version").ValueKind == JsonValueKind.Number, run.ToString());
        var number = run.GetProperty("version").GetInt32();
        var kind = (await client.GetFromJsonAsync<JsonElement>("/api/models")).GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("kind").GetString() == "rating");
        var candidate = kind.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == number);
        return (run, kind, candidate, number);
    }
}

/// <summary>A silo on the embedded defaults whose scheduler asks every second and wants more new ratings than it gets.</summary>
public sealed class ScheduledRatingTrainingSiloFactory : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Training:Interval", "00:00:01");
        builder.UseSetting("Training:MinRatings", "500");
        builder.UseSetting("Training:MinNewRatings", "5000");
    }
}

[Trait("Category", "Integration")]
public sealed class ScheduledRatingTrainingTests(ScheduledRatingTrainingSiloFactory factory) : IClassFixture<ScheduledRatingTrainingSiloFactory>
{
    [Fact]
    public async Task A_scheduled_rating_run_waits_for_enough_new_ratings_while_a_manual_one_trains_on_what_is_held()
    {
        var client = factory.CreateClient();
        await RatingEvents.PostAsync(client, RatingEvents.Synthetic(1_000));

        var scheduled = await WaitForAsync(client, run =>
            run.GetProperty("reason").GetString()!.StartsWith("schedule: ", StringComparison.Ordinal)
            && run.GetProperty("data").GetProperty("held").GetInt32() == 1_000);

        Assert.Equal("skipped", scheduled.GetProperty("state").GetString());
        Assert.Contains("5000 are needed", scheduled.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1_000, scheduled.GetProperty("data").GetProperty("newSinceTraining").GetInt64());

        using (var retrain = await client.PostAsync("/api/models/rating/retrain", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        }

        // The scheduler keeps asking every second, so the run shown may soon be a skipped scheduled one again: the
        // registry is what records the manual run's candidate.
        var candidate = await WaitForTrainerVersionAsync(client);
        Assert.True(candidate.GetProperty("status").GetString() is "active" or "rejected", candidate.ToString());
        Assert.Equal(700, candidate.GetProperty("metrics").GetProperty("ratings").GetDouble());
        Assert.Equal(150, candidate.GetProperty("metrics").GetProperty("heldOut").GetDouble());
        var after = await client.GetFromJsonAsync<JsonElement>("/api/models/rating/training");
        Assert.Equal(0, after.GetProperty("data").GetProperty("newSinceTraining").GetInt64());
    }

    private static async Task<JsonElement> WaitForTrainerVersionAsync(HttpClient client) =>
        TrainerVersion(await ApiPolling.WaitForAsync(client, "/api/models", models => TrainerVersion(models).ValueKind == JsonValueKind.Object));

    // The rating registry's version the trainer registered, once promoted or rejected; default while there is none.
    private static JsonElement TrainerVersion(JsonElement models) =>
        models.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "rating").GetProperty("versions").EnumerateArray()
            .FirstOrDefault(v => v.GetProperty("source").GetString() == "trainer" && v.GetProperty("status").GetString() != "candidate");

    private static Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> ready) =>
        ApiPolling.WaitForAsync(client, "/api/models/rating/training", run => run.GetProperty("state").GetString() != "idle" && ready(run));
}
