using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.IntegrationTests.Ratings;

[Trait("Category", "Integration")]
public sealed class PredictionApiTests(ModelSiloFactory factory) : IClassFixture<ModelSiloFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_prediction_names_the_loaded_model_version_and_stays_on_the_rating_scale()
    {
        var prediction = await ApiPolling.WaitForAsync(_client, "/api/users/u1/predictions/p1", _ => true);

        Assert.Equal(RatingModelFile.Version, prediction.GetProperty("modelVersion").GetString());
        Assert.InRange(prediction.GetProperty("rating").GetSingle(), 1f, 5f);
        Assert.Equal("p1", prediction.GetProperty("productId").GetString());
    }

    [Fact]
    public async Task Health_reports_the_active_rating_model_version()
    {
        await ApiPolling.WaitForAsync(_client, "/api/users/u1/predictions/p1", _ => true);

        var models = (await HealthDocument.GetAsync(_client)).GetProperty("models").EnumerateArray().ToList();

        var model = Assert.Single(models, m => m.GetProperty("kind").GetString() == "rating");
        Assert.True(model.GetProperty("loaded").GetBoolean());
        // No face model configured: listed, not loaded.
        Assert.False(Assert.Single(models, m => m.GetProperty("kind").GetString() == "face").GetProperty("loaded").GetBoolean());
        Assert.Equal(RatingModelFile.Version, model.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Browsing_products_records_a_prediction_for_each_newest_first()
    {
        var user = $"browser-{Guid.NewGuid():N}";
        await ApiPolling.WaitForAsync(_client, "/api/users/u1/predictions/p1", _ => true);
        await PostAsync(Event(user, "p1", "view", 0), Event(user, "p2", "like", 1), Event(user, "p3", "add_to_cart", 2), Event(user, "p4", "purchase", 3));

        var recent = await ApiPolling.WaitForAsync(_client, $"/api/users/{user}/predictions", body => body.GetProperty("predictions").GetArrayLength() >= 3);

        var predictions = recent.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(["p3", "p2", "p1"], predictions.Take(3).Select(p => p.GetProperty("productId").GetString()));
        Assert.All(predictions, p => Assert.Equal(RatingModelFile.Version, p.GetProperty("modelVersion").GetString()));
        Assert.DoesNotContain(predictions, p => p.GetProperty("productId").GetString() == "p4");
    }

    [Fact]
    public async Task Recommendations_rank_the_candidate_products_best_first()
    {
        var user = $"shopper-{Guid.NewGuid():N}";
        await ApiPolling.WaitForAsync(_client, "/api/users/u1/predictions/p1", _ => true);
        await PostAsync([.. Enumerable.Range(0, 6).Select(i => Event($"{user}-{i}", $"p{10 + i}", "view", i))]);

        var answer = await ApiPolling.WaitForAsync(_client, $"/api/users/{user}/recommendations?k=4", body => body.GetProperty("items").GetArrayLength() == 4);

        var ratings = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rating").GetSingle()).ToList();
        Assert.Equal(ratings.OrderByDescending(r => r), ratings);
        Assert.Equal(RatingModelFile.Version, answer.GetProperty("modelVersion").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Recommendations_outside_one_to_a_hundred_are_a_400_problem(int k)
    {
        var response = await _client.GetAsync($"/api/users/u1/recommendations?k={k}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("k must be within [1, 100]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_above_the_predictions_raise_the_users_online_bias()
    {
        var user = $"generous-{Guid.NewGuid():N}";
        await ApiPolling.WaitForAsync(_client, "/api/users/u1/predictions/p1", _ => true);
        await PostAsync([.. Enumerable.Range(0, 20).Select(i => Event(user, $"p{20 + i}", "rating", i, rating: 5))]);

        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var context = await Eventually(() => grains.GetGrain<IUserGrain>(user).GetRatingContext(), c => c.Features?.RatingCount == 20);

        Assert.Equal(RatingModelFile.Version, context.ModelVersion);
        Assert.True(context.Bias > 0.1f, $"online bias {context.Bias} after 20 ratings of 5");
    }

    private async Task PostAsync(params string[] events)
    {
        using var content = new StringContent("[" + string.Join(",", events) + "]", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/api/interactions", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static string Event(string user, string product, string type, int second, int? rating = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["eventId"] = $"{user}-{product}-{type}-{second}",
            ["userId"] = user,
            ["productId"] = product,
            ["type"] = type,
            ["timestamp"] = DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(second),
            ["rating"] = rating,
        });

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (ready(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
