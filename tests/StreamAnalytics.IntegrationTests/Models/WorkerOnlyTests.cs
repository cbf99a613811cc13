using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace StreamAnalytics.IntegrationTests.Models;

/// <summary>A silo with only the worker role: a cluster without a trainer.</summary>
public sealed class WorkerOnlySiloFactory : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Orleans:Role", "worker");
    }
}

[Trait("Category", "Integration")]
public sealed class WorkerOnlyTests(WorkerOnlySiloFactory factory) : IClassFixture<WorkerOnlySiloFactory>
{
    [Fact]
    public async Task Without_a_trainer_silo_retraining_is_refused_with_503_and_the_silo_still_serves()
    {
        var client = factory.CreateClient();

        using var retrain = await client.PostAsync("/api/models/face/retrain", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, retrain.StatusCode);
        var problem = await retrain.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("trainer role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var models = await client.GetAsync("/api/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        using var health = await client.GetAsync("/health");
        Assert.Contains("\"roles\":[\"worker\"]", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
