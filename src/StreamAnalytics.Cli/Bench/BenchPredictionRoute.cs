using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// The silo's <c>GET /api/users/{userId}/predictions/{productId}</c> for the benchmark host: the same route, grain
/// call and response body as <c>PredictionEndpoints</c> in StreamAnalytics.Silo. Mapped here rather than referenced,
/// because referencing the silo (an executable with its own configuration files) from <c>sa</c> would bring the
/// whole host along; keep the two in step.
/// </summary>
internal static class BenchPredictionRoute
{
    public const string Template = "/api/users/{userId}/predictions/{productId}";

    public static IEndpointRouteBuilder MapBenchPredictionRoute(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Template, async (string userId, string productId, IGrainFactory grains) =>
            await grains.GetGrain<IUserGrain>(userId).PredictRating(productId) is { } prediction
                ? Results.Ok(new { userId, prediction.ProductId, prediction.Rating, prediction.ModelVersion, prediction.PredictedAt })
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No rating model"));
        return endpoints;
    }

    /// <summary>The request path for one pair, ids escaped.</summary>
    public static string PathFor(string userId, string productId) =>
        $"/api/users/{Uri.EscapeDataString(userId)}/predictions/{Uri.EscapeDataString(productId)}";
}
