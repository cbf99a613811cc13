using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace StreamAnalytics.Silo.Security;

/// <summary>The HTTP API's basic protections: API keys on write requests and a request body limit on every endpoint.</summary>
public static class ApiSecurityHostingExtensions
{
    /// <summary>Binds and validates <see cref="ApiKeyOptions"/> and <see cref="RequestBodyLimitOptions"/>, and sets Kestrel's body limit.</summary>
    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services.AddSingleton(services => new ApiKeyVerifier(services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys));
        builder.Services.AddOptions<RequestBodyLimitOptions>().BindConfiguration(RequestBodyLimitOptions.SectionName)
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{RequestBodyLimitOptions.SectionName}:{nameof(RequestBodyLimitOptions.MaxRequestBodyBytes)} must be positive.")
            .ValidateOnStart();
        // Kestrel enforces the same default itself; an endpoint's own limit overrides it per request.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestBodyLimitOptions>>(
            (kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Adds the API key check, then the body limit, ahead of every endpoint.</summary>
    public static IApplicationBuilder UseApiSecurity(this IApplicationBuilder app)
    {
        // The key check comes first so an unauthenticated request is refused before any of its body is read.
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
