using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StreamAnalytics.Imaging.Tests;

namespace StreamAnalytics.IntegrationTests.Faces;

[Trait("Category", "Integration")]
public sealed class BadFrameTests(FaceSiloFactory factory) : IClassFixture<FaceSiloFactory>
{
    public static TheoryData<string, byte[], string, string> BadFrames()
    {
        var png = TestImages.Png(120, 100, TestImages.Pattern(120, 100));
        return new()
        {
            { "empty body", [], "image/png", "empty" },
            { "truncated PNG", png[..(png.Length / 2)], "image/png", "truncated" },
            { "1x1 image", TestImages.PgmBinary(1, 1, [128]), "image/x-portable-graymap", "at least" },
            { "100000x100000 header", TestImages.PngHeaderOnly(100_000, 100_000), "image/png", "100000" },
            { "wrong content type", png, "application/json", "Content-Type" },
            { "random bytes", RandomBytes(4096), "application/octet-stream", "not a PGM, PNG, JPEG" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task A_bad_frame_gets_a_400_with_its_reason_and_the_silo_keeps_serving(string what, byte[] body, string contentType, string reasonMentions)
    {
        var client = await factory.ReadyClientAsync();
        var camera = $"bad-{Guid.NewGuid():N}";

        using var response = await FaceApi.PostFrameAsync(client, camera, body, contentType);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(reasonMentions, detail, StringComparison.OrdinalIgnoreCase);
        using var good = await FaceApi.PostFrameAsync(client, camera, await File.ReadAllBytesAsync(TrainedFaceModel.Images(1)[0]));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task A_frame_over_10_MiB_is_a_413()
    {
        var client = await factory.ReadyClientAsync();

        using var response = await FaceApi.PostFrameAsync(client, "big", new byte[(10 * 1024 * 1024) + 1], "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_enrolment_image_gets_a_400_and_enrols_nobody()
    {
        var client = await factory.ReadyClientAsync();
        var identity = $"bad-{Guid.NewGuid():N}";

        using var response = await FaceApi.EnrolAsync(client, identity, RandomBytes(100), "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var lookup = await client.GetAsync($"/api/identities/{identity}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
