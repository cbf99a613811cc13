using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.IntegrationTests.Faces;

[Trait("Category", "Integration")]
public sealed class IdentityApiTests(FaceSiloFactory factory) : IClassFixture<FaceSiloFactory>
{
    [Fact]
    public async Task An_enrolled_identity_is_listed_with_its_faces_and_identified_at_once()
    {
        var client = await factory.ReadyClientAsync();
        var identity = $"person-{Guid.NewGuid():N}";
        var images = TrainedFaceModel.Images(36);
        foreach (var image in images.Take(3))
        {
            using var enrolled = await FaceApi.EnrolAsync(client, identity, await File.ReadAllBytesAsync(image));
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/identities/{identity}");
        Assert.Equal(3, view.GetProperty("faces").GetInt32());
        Assert.Equal("test-face-1", view.GetProperty("modelVersion").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/identities");
        Assert.Contains(identity, list.GetProperty("identities").EnumerateArray().Select(e => e.GetString()));

        // An enrolment image itself: its embedding is in the gallery, so it matches with cosine 1.
        using var frame = await FaceApi.PostFrameAsync(client, "door", await File.ReadAllBytesAsync(images[0]));
        var result = await frame.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(identity, result.GetProperty("identity").GetString());
        Assert.True(result.GetProperty("score").GetSingle() > 0.999f);
    }

    [Fact]
    public async Task Delete_removes_every_stored_face_and_embedding()
    {
        var client = await factory.ReadyClientAsync();
        var identity = $"gone-{Guid.NewGuid():N}";
        var image = await File.ReadAllBytesAsync(TrainedFaceModel.Images(37)[0]);
        using (var enrolled = await FaceApi.EnrolAsync(client, identity, image))
        {
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        }

        using var deleted = await client.DeleteAsync($"/api/identities/{identity}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var lookup = await client.GetAsync($"/api/identities/{identity}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/identities");
        Assert.DoesNotContain(identity, list.GetProperty("identities").EnumerateArray().Select(e => e.GetString()));
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        Assert.Null(await grains.GetGrain<IIdentityGrain>(identity).GetFaces("test-face-1"));
        using var frame = await FaceApi.PostFrameAsync(client, "door", image);
        var result = await frame.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(identity, result.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("identity").GetString()));
        using var again = await client.DeleteAsync($"/api/identities/{identity}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
