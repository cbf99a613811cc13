using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace StreamAnalytics.IntegrationTests.Faces;

/// <summary>A face silo whose inference queue holds one batch, so a burst overflows it.</summary>
public sealed class TinyQueueFaceSiloFactory : FaceSiloFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Faces:Batching:MaxBatchSize", "4");
        builder.UseSetting("Faces:Batching:QueueCapacity", "4");
        builder.UseSetting("Faces:Batching:MaxQueueDelay", "00:00:00.050");
    }
}

[Trait("Category", "Integration")]
public sealed class OverloadTests(TinyQueueFaceSiloFactory factory) : IClassFixture<TinyQueueFaceSiloFactory>
{
    [Fact]
    public async Task A_burst_beyond_the_queue_gets_429_with_retry_after_and_the_rest_are_answered()
    {
        var client = await factory.ReadyClientAsync();
        var image = await File.ReadAllBytesAsync(TrainedFaceModel.Images(2)[0]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => FaceApi.PostFrameAsync(client, $"burst-{i % 50}", image)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{s}"));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        using var after = await FaceApi.PostFrameAsync(client, "burst-after", image);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
