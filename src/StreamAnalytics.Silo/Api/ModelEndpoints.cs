using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;

namespace StreamAnalytics.Silo.Api;

/// <summary>
/// Maps the model registry's endpoints: <c>GET /api/models</c> (every kind's versions, newest first, the active one,
/// and the version this silo serves), <c>POST /api/models/{kind}</c> (register an exported model as a candidate; the
/// body is the ONNX bytes, at most 256 MiB) and <c>POST /api/models/{kind}/activate/{version}</c> (activate a version,
/// e.g. roll back; every silo installs it within <c>Models:PollInterval</c>), <c>POST /api/models/{kind}/retrain</c> (202;
/// 503 without a trainer silo) and <c>GET /api/models/{kind}/training</c> (the latest training run).
/// </summary>
public static class ModelEndpoints
{
    /// <summary>The largest model accepted: 256 MiB.</summary>
    public const long MaxModelBytes = 256L * 1024 * 1024;

    /// <summary>Maps the model endpoints.</summary>
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/models", async (IGrainFactory grains, ModelHost<RatingModel> rating, ModelHost<FaceModel> face) =>
        {
            var served = new Dictionary<string, string?> { [ModelKinds.Rating] = rating.ActiveVersion, [ModelKinds.Face] = face.ActiveVersion };
            var kinds = new List<object>();
            foreach (var kind in ModelKinds.All)
            {
                var registry = grains.GetGrain<IModelRegistryGrain>(kind);
                var active = await registry.GetActive();
                kinds.Add(new { kind, active = active?.Number, servedHere = served[kind], versions = await registry.List() });
            }

            return Results.Ok(new { models = kinds });
        });
        endpoints.MapPost("/api/models/{kind}", async (string kind, HttpRequest request, IGrainFactory grains, CancellationToken cancellation) =>
        {
            if (UnknownKind(kind) is { } problem)
            {
                return problem;
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellation);
            if (buffer.Length == 0)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty model", detail: "The body must be the exported ONNX model.");
            }

            var registered = await grains.GetGrain<IModelRegistryGrain>(kind).Register(buffer.ToArray(), new Dictionary<string, double>(), "upload");
            return registered.Status == ModelVersionStatus.Rejected
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Model rejected", detail: registered.Reason,
                    extensions: new Dictionary<string, object?> { ["version"] = registered })
                : Results.Created($"/api/models", registered);
        }).WithMetadata(new ModelSizeLimit());
        endpoints.MapPost("/api/models/{kind}/activate/{number:int}", async (string kind, int number, IGrainFactory grains) =>
        {
            if (UnknownKind(kind) is { } problem)
            {
                return problem;
            }

            return await grains.GetGrain<IModelRegistryGrain>(kind).Activate(number) switch
            {
                null => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such version", detail: $"The {kind} registry has no version {number}."),
                { Status: ModelVersionStatus.Rejected } rejected => Results.Problem(
                    statusCode: StatusCodes.Status409Conflict, title: "Version rejected", detail: $"Version {number} was rejected: {rejected.Reason}"),
                var active => Results.Ok(active),
            };
        });
        endpoints.MapPost("/api/models/{kind}/retrain", async (string kind, IGrainFactory grains) =>
        {
            if (UnknownKind(kind) is { } problem)
            {
                return problem;
            }

            try
            {
                return Results.Accepted($"/api/models/{kind}/training", await grains.GetGrain<IModelTrainerGrain>(kind).Retrain("api"));
            }
            catch (NoTrainerSiloException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No trainer silo", detail: e.Message);
            }
        });
        endpoints.MapGet("/api/models/{kind}/training", async (string kind, IGrainFactory grains) =>
        {
            if (UnknownKind(kind) is { } problem)
            {
                return problem;
            }

            try
            {
                return Results.Ok(await grains.GetGrain<IModelTrainerGrain>(kind).GetRun());
            }
            catch (NoTrainerSiloException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No trainer silo", detail: e.Message);
            }
        });
        return endpoints;
    }

    private static IResult? UnknownKind(string kind) => ModelKinds.IsKnown(kind)
        ? null
        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model kind", detail: $"Model kinds are {string.Join(", ", ModelKinds.All)}.");

    private sealed class ModelSizeLimit : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxModelBytes;
    }
}
