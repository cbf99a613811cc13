using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StreamAnalytics.IntegrationTests.Faces;
using StreamAnalytics.Training.Faces;

namespace StreamAnalytics.IntegrationTests.Models;

[Trait("Category", "Integration")]
public sealed class FaceModelSwapTests(FaceSiloFactory factory) : IClassFixture<FaceSiloFactory>
{
    [Fact]
    public async Task A_new_face_model_goes_live_with_the_gallery_re_embedded_so_enrolled_people_are_still_identified()
    {
        var client = await factory.ReadyClientAsync();
        var person = $"swap-{Guid.NewGuid():N}";
        var images = TrainedFaceModel.Images(38);
        using (var enrolled = await FaceApi.EnrolAsync(client, person, await File.ReadAllBytesAsync(images[0])))
        {
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        // Another training (other seed, fewer epochs): its embeddings are not comparable with the first model's.
        var other = FaceModelPipeline.Train(TrainedFaceModel.Orl, new FaceModelPipelineOptions
        {
            Identities = TrainedFaceModel.TrainedIdentities,
            Training = new FaceTrainingOptions { Epochs = 6, Seed = 99 },
            FixedThreshold = 0.5f,
            Version = $"test-face-2-{Guid.NewGuid():N}",
        });
        using var upload = await client.PostAsync("/api/models/face", new ByteArrayContent(other.Onnx));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var number = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        using (var activate = await client.PostAsync($"/api/models/face/activate/{number}", null))
        {
            Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        }

        JsonElement result = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            using var frame = await FaceApi.PostFrameAsync(client, "swap-door", await File.ReadAllBytesAsync(images[0]));
            Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
            result = await frame.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(DateTime.UtcNow < deadline, "the new face model was not served within 30 s");
        }
        while (result.GetProperty("modelVersion").GetString() != other.Version);

        // The enrolment image embedded by the new model matches its gallery entry, re-embedded by the same model.
        Assert.Equal(person, result.GetProperty("identity").GetString());
        Assert.True(result.GetProperty("score").GetSingle() > 0.999f);
    }
}
