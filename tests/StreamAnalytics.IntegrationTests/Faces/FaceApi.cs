using System.Net.Http.Headers;

namespace StreamAnalytics.IntegrationTests.Faces;

/// <summary>Posting images to the silo's camera and identity endpoints.</summary>
internal static class FaceApi
{
    public static Task<HttpResponseMessage> PostFrameAsync(HttpClient client, string camera, byte[] image, string contentType = "image/x-portable-graymap") =>
        client.PostAsync($"/api/cameras/{Uri.EscapeDataString(camera)}/frames", Body(image, contentType));

    public static Task<HttpResponseMessage> EnrolAsync(HttpClient client, string identity, byte[] image, string contentType = "image/x-portable-graymap") =>
        client.PostAsync($"/api/identities/{Uri.EscapeDataString(identity)}/faces", Body(image, contentType));

    private static ByteArrayContent Body(byte[] image, string? contentType)
    {
        var content = new ByteArrayContent(image);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }
}
