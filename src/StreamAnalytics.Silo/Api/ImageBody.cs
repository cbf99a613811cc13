using Microsoft.AspNetCore.Http.Metadata;
using StreamAnalytics.Abstractions.Cameras;

namespace StreamAnalytics.Silo.Api;

/// <summary>
/// Reads an image request body (a camera frame or an enrolment face): at most <see cref="CameraFrame.MaxBytes"/>
/// (10 MiB; larger is a 413 from the body limit middleware), with an image content type. The bytes are decoded later,
/// by the grain, which names what is wrong with a bad image.
/// </summary>
internal static class ImageBody
{
    /// <summary>The endpoint metadata that raises the body limit from the API default to <see cref="CameraFrame.MaxBytes"/>.</summary>
    public static readonly IRequestSizeLimitMetadata Limit = new ImageSizeLimit();

    /// <summary>Reads the body, or returns the 400 problem to answer instead.</summary>
    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (!IsImageContentType(request.ContentType))
        {
            return (null, Invalid(
                $"Content-Type '{request.ContentType ?? "(none)"}' is not an image: send the image bytes as image/png, image/jpeg, image/bmp, image/gif, " +
                "image/x-portable-graymap or application/octet-stream."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation);
        if (buffer.Length == 0)
        {
            return (null, Invalid("The body is empty: send the image bytes."));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>A 400 problem for a bad image, with its reason.</summary>
    public static IResult Invalid(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid image", detail: reason);

    private static bool IsImageContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && mediaType.Length > "image/".Length
            || mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class ImageSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => CameraFrame.MaxBytes;
    }
}
