using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Silo.Api;

/// <summary>
/// Maps the camera endpoints: <c>POST /api/cameras/{cameraId}/frames</c> (the body is one image; the answer is its
/// identification, 400 with the reason for a bad image, 429 when the silo's inference queue is full, 503 while no
/// face model is loaded) and <c>GET /api/cameras/{cameraId}</c> (the camera's statistics).
/// </summary>
public static class CameraEndpoints
{
    /// <summary>Maps the camera endpoints.</summary>
    public static IEndpointRouteBuilder MapCameraEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/cameras/{cameraId}/frames", async (string cameraId, HttpRequest request, IGrainFactory grains, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (InvalidCameraId(cameraId) is { } problem)
            {
                return problem;
            }

            var (image, invalid) = await ImageBody.ReadAsync(request, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            var outcome = await grains.GetGrain<ICameraGrain>(cameraId).Identify(image!, clock.GetUtcNow());
            return outcome.Status switch
            {
                FrameStatus.Identified or FrameStatus.Unknown => Results.Ok(outcome.Identification),
                FrameStatus.Rejected => ImageBody.Invalid(outcome.Reason!),
                FrameStatus.Overloaded => Overloaded(outcome.Reason!),
                _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No face model", detail: outcome.Reason),
            };
        }).WithMetadata(ImageBody.Limit);
        endpoints.MapGet("/api/cameras/{cameraId}", async (string cameraId, IGrainFactory grains) =>
            InvalidCameraId(cameraId) ?? Results.Ok(new { cameraId, stats = await grains.GetGrain<ICameraGrain>(cameraId).GetStats() }));
        return endpoints;
    }

    private static IResult? InvalidCameraId(string cameraId) =>
        string.IsNullOrWhiteSpace(cameraId) || cameraId.Length > CameraFrame.MaxCameraIdLength
            ? Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid camera id",
                detail: $"A camera id is 1 to {CameraFrame.MaxCameraIdLength} characters, not blank.")
            : null;

    // 429 with Retry-After: the queue drains in milliseconds, so a second is a generous hint.
    private static RetryAfter Overloaded(string reason) => new(
        Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Overloaded", detail: reason), seconds: 1);

    private sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
