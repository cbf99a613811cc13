using System.Net;

namespace StreamAnalytics.IntegrationTests.Ratings;

[Trait("Category", "Integration")]
public sealed class NoModelTests(SiloHostFactory factory) : IClassFixture<SiloHostFactory>
{
    [Theory]
    [InlineData("/api/users/u1/predictions/p1")]
    [InlineData("/api/users/u1/recommendations?k=3")]
    public async Task Without_a_rating_model_predictions_are_a_503_problem(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("No rating model", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Trait("Category", "Integration")]
public sealed class CorruptModelTests(CorruptModelSiloFactory factory) : IClassFixture<CorruptModelSiloFactory>
{
    [Fact]
    public async Task A_model_file_that_fails_to_load_leaves_features_served_and_predictions_unavailable()
    {
        var client = factory.CreateClient();
        var user = $"corrupt-{Guid.NewGuid():N}";
        using var content = new StringContent(
            $$"""[{"eventId":"{{user}}-1","userId":"{{user}}","productId":"p1","type":"view","timestamp":"2026-01-01T00:00:00Z"}]""",
            System.Text.Encoding.UTF8,
            "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/interactions", content)).StatusCode);
        await ApiPolling.WaitForAsync(client, $"/api/users/{user}", features => features.GetProperty("eventsApplied").GetInt64() == 1);

        var response = await client.GetAsync("/api/users/u1/predictions/p1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
