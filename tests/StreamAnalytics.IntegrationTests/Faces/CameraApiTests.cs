using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Faces;

[Trait("Category", "Integration")]
public sealed class CameraApiTests(FaceSiloFactory factory) : IClassFixture<FaceSiloFactory>
{
    [Fact]
    public async Task People_enrolled_without_retraining_are_identified_and_strangers_are_unknown()
    {
        var client = await factory.ReadyClientAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        // s21..s30: never trained on; enrolled from their first 5 images. s31..s35: strangers, never enrolled.
        for (var person = 21; person <= 30; person++)
        {
            foreach (var image in TrainedFaceModel.Images(person).Take(5))
            {
                using var enrolled = await FaceApi.EnrolAsync(client, $"{run}-s{person}", await File.ReadAllBytesAsync(image));
                Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            }
        }

        var correct = 0;
        var probes = 0;
        for (var person = 21; person <= 30; person++)
        {
            foreach (var image in TrainedFaceModel.Images(person).Skip(5))
            {
                var result = await IdentifyAsync(client, $"{run}-camera", image);
                probes++;
                correct += result.GetProperty("candidates")[0].GetProperty("identity").GetString() == $"{run}-s{person}" ? 1 : 0;
            }
        }

        var strangersUnknown = 0;
        var strangers = 0;
        for (var person = 31; person <= 35; person++)
        {
            foreach (var image in TrainedFaceModel.Images(person))
            {
                var result = await IdentifyAsync(client, $"{run}-camera", image);
                strangers++;
                strangersUnknown += result.GetProperty("unknown").GetBoolean() ? 1 : 0;
            }
        }

        Assert.True(correct >= 0.85 * probes, $"rank-1 {correct} of {probes}");
        Assert.True(strangersUnknown >= 0.6 * strangers, $"strangers rejected {strangersUnknown} of {strangers}");
        var stats = await client.GetFromJsonAsync<JsonElement>($"/api/cameras/{run}-camera");
        Assert.Equal(probes + strangers, stats.GetProperty("stats").GetProperty("frames").GetInt64());
    }

    private static async Task<JsonElement> IdentifyAsync(HttpClient client, string camera, string image)
    {
        using var response = await FaceApi.PostFrameAsync(client, camera, await File.ReadAllBytesAsync(image));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("test-face-1", result.GetProperty("modelVersion").GetString());
        return result;
    }
}
