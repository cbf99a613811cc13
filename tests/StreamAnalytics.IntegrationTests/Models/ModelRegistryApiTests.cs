using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StreamAnalytics.IntegrationTests.Faces;
using StreamAnalytics.IntegrationTests.Ratings;

namespace StreamAnalytics.IntegrationTests.Models;

[Trait("Category", "Integration")]
public sealed class ModelRegistryApiTests(ModelSiloFactory factory) : IClassFixture<ModelSiloFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_start_up_model_is_registered_active_and_served_with_its_sha256()
    {
        var rating = await WaitForServedAsync(RatingModelFile.Version);

        var active = Version(rating, rating.GetProperty("active").GetInt32());
        Assert.Equal("active", active.GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("file", active.GetProperty("source").GetString());
        Assert.Equal(64, active.GetProperty("sha256").GetString()!.Length);
        Assert.True(active.GetProperty("bytes").GetInt64() > 0);
    }

    [Theory]
    [InlineData("not a model")]
    [InlineData("face model as a rating model")]
    public async Task A_corrupt_or_off_contract_upload_is_rejected_and_the_active_version_keeps_serving(string what)
    {
        await WaitForServedAsync(RatingModelFile.Version);
        var bytes = what == "not a model" ? "this is not ONNX"u8.ToArray() : await File.ReadAllBytesAsync(TrainedFaceModel.Path);

        using var upload = await _client.PostAsync("/api/models/rating", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        var number = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("number").GetInt32();
        using var activate = await _client.PostAsync($"/api/models/rating/activate/{number}", null);
        Assert.Equal(HttpStatusCode.Conflict, activate.StatusCode);
        var rating = await RatingAsync();
        Assert.Equal("rejected", Version(rating, number).GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(RatingModelFile.Version, rating.GetProperty("servedHere").GetString());
        using var prediction = await _client.GetAsync("/api/users/u1/predictions/p1");
        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
    }

    [Fact]
    public async Task Activating_a_new_version_then_rolling_back_swaps_what_the_silo_serves()
    {
        var original = (await WaitForServedAsync(RatingModelFile.Version)).GetProperty("active").GetInt32();
        var next = $"test-v2-{Guid.NewGuid():N}";
        using var upload = await _client.PostAsync("/api/models/rating", new ByteArrayContent(RatingModelFile.Export(next)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var number = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();

        using (var activate = await _client.PostAsync($"/api/models/rating/activate/{number}", null))
        {
            Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        }

        await WaitForServedAsync(next);
        var prediction = await _client.GetFromJsonAsync<JsonElement>("/api/users/u1/predictions/p1");
        Assert.Equal(next, prediction.GetProperty("modelVersion").GetString());

        using (var rollback = await _client.PostAsync($"/api/models/rating/activate/{original}", null))
        {
            Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        }

        var rating = await WaitForServedAsync(RatingModelFile.Version);
        Assert.Equal("retired", Version(rating, number).GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_kinds_and_versions_are_404()
    {
        using var kind = await _client.PostAsync("/api/models/weather/activate/1", null);
        using var version = await _client.PostAsync("/api/models/rating/activate/999", null);

        Assert.Equal(HttpStatusCode.NotFound, kind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
    }

    private static JsonElement Version(JsonElement kind, int number) =>
        kind.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == number);

    private async Task<JsonElement> RatingAsync()
    {
        var models = await _client.GetFromJsonAsync<JsonElement>("/api/models");
        return models.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "rating");
    }

    // Within a few poll intervals the silo's watcher has installed the active version.
    private async Task<JsonElement> WaitForServedAsync(string version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rating = await RatingAsync();
            if (rating.GetProperty("servedHere").GetString() == version)
            {
                return rating;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the silo did not serve {version} within 30 s: {rating}");
            await Task.Delay(100);
        }
    }
}
