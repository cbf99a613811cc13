using Microsoft.AspNetCore.Hosting;

namespace StreamAnalytics.IntegrationTests.Faces;

/// <summary>The real silo on its embedded defaults with the test face model (<see cref="TrainedFaceModel"/>) loaded.</summary>
public class FaceSiloFactory : SiloHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Models:Face:Path", TrainedFaceModel.Path);
    }

    /// <summary>A client, once the face model is serving.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var health = await HealthDocument.GetAsync(client);
            if (health.GetProperty("models").EnumerateArray().Any(m => m.GetProperty("kind").GetString() == "face" && m.GetProperty("loaded").GetBoolean()))
            {
                return client;
            }

            Assert.True(DateTime.UtcNow < deadline, "The face model did not load within 60 s.");
            await Task.Delay(100);
        }
    }
}
