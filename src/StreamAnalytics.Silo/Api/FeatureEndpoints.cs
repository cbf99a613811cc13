using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Silo.Api;

/// <summary>Maps <c>GET /api/users/{userId}</c> and <c>GET /api/products/{productId}</c>: the features the grains keep.</summary>
public static class FeatureEndpoints
{
    /// <summary>Maps the feature endpoints.</summary>
    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/users/{userId}", async (string userId, IGrainFactory grains) =>
            await grains.GetGrain<IUserGrain>(userId).GetFeatures() is { } features
                ? Results.Ok(features)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown user", detail: $"No interaction of user '{userId}' has been seen."));
        endpoints.MapGet("/api/products/{productId}", async (string productId, IGrainFactory grains) =>
            await grains.GetGrain<IProductGrain>(productId).GetFeatures() is { } features
                ? Results.Ok(features)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown product", detail: $"No interaction with product '{productId}' has been seen."));
        return endpoints;
    }
}
