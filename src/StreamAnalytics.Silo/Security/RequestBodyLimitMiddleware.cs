using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace StreamAnalytics.Silo.Security;

/// <summary>
/// Holds every request body to the endpoint's own limit (<see cref="IRequestSizeLimitMetadata"/>) or else to
/// <see cref="RequestBodyLimitOptions.MaxRequestBodyBytes"/>, and answers a body over it with 413 problem details:
/// at once when <c>Content-Length</c> says so, otherwise when reading passes the limit (ours or Kestrel's).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestBodyLimitOptions> options)
{
    private readonly long _defaultLimit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own
            ? own.MaxRequestBodySize
            : _defaultLimit;
        // Kestrel holds every body to its global limit; an endpoint's own limit replaces it for this request.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        if (limit is not { } max)
        {
            // The endpoint disabled the limit on purpose.
            await next(context);
            return;
        }

        if (context.Request.ContentLength > max)
        {
            await TooLarge(max).ExecuteAsync(context);
            return;
        }

        context.Request.Body = new BoundedRequestBodyStream(context.Request.Body, max);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLarge(max).ExecuteAsync(context);
        }
    }

    private static IResult TooLarge(long max) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The body may be at most {max} bytes.");
}
