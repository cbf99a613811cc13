using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Silo.Api;

/// <summary>
/// Maps the rating model's endpoints: <c>GET /api/users/{userId}/predictions/{productId}</c>,
/// <c>GET /api/users/{userId}/predictions</c> (the latest made as the user browsed) and
/// <c>GET /api/users/{userId}/recommendations?k=10</c>. While no model is loaded the first and last answer 503.
/// </summary>
public static class PredictionEndpoints
{
    /// <summary>The most recommendations one request may ask for: 100.</summary>
    public const int MaxRecommendations = 100;

    /// <summary>Maps the prediction endpoints.</summary>
    public static IEndpointRouteBuilder MapPredictionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/users/{userId}/predictions/{productId}", async (string userId, string productId, IGrainFactory grains) =>
            await grains.GetGrain<IUserGrain>(userId).PredictRating(productId) is { } prediction
                ? Results.Ok(new { userId, prediction.ProductId, prediction.Rating, prediction.ModelVersion, prediction.PredictedAt })
                : NoModel());
        endpoints.MapGet("/api/users/{userId}/predictions", async (string userId, IGrainFactory grains) =>
            Results.Ok(new { userId, predictions = await grains.GetGrain<IUserGrain>(userId).GetRecentPredictions() }));
        endpoints.MapGet("/api/users/{userId}/recommendations", async (string userId, int? k, IGrainFactory grains) =>
        {
            var count = k ?? 10;
            if (count is < 1 or > MaxRecommendations)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: "Invalid k", detail: $"k must be within [1, {MaxRecommendations}]; got {count}.");
            }

            return await grains.GetGrain<IUserGrain>(userId).Recommend(count) is { } recommendations
                ? Results.Ok(new { userId, recommendations.ModelVersion, recommendations.Items })
                : NoModel();
        });
        return endpoints;
    }

    private static IResult NoModel() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "No rating model",
        detail: "No rating model is loaded on this silo yet (Models:Rating:Path, or the demo feed's first model still training).");
}
