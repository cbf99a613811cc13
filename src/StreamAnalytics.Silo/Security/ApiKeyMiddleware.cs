namespace StreamAnalytics.Silo.Security;

/// <summary>
/// Requires a valid <see cref="ApiKeyOptions.HeaderName"/> header on every request that can change state (any method
/// but <c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c> and <c>TRACE</c>) when keys are configured. It goes by method, not by
/// route, so an endpoint added later is covered without opting in. Missing or wrong key: 401 problem details. The
/// key itself is never logged nor echoed.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyVerifier verifier)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!verifier.KeysRequired || IsReadOnly(context.Request.Method))
        {
            return next(context);
        }

        // A repeated header is refused rather than guessing which copy counts.
        var presented = context.Request.Headers[ApiKeyOptions.HeaderName];
        if (presented.Count == 1 && verifier.IsValid(presented[0]))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyOptions.HeaderName}\"";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: $"Write requests need a valid API key in the {ApiKeyOptions.HeaderName} header.").ExecuteAsync(context);
    }

    private static bool IsReadOnly(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
