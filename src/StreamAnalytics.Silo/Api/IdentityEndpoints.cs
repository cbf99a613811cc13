using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Faces;

namespace StreamAnalytics.Silo.Api;

/// <summary>
/// Maps the gallery endpoints: <c>POST /api/identities/{identity}/faces</c> (enrol one face image; no retraining),
/// <c>GET /api/identities</c>, <c>GET /api/identities/{identity}</c> and <c>DELETE /api/identities/{identity}</c> (every
/// stored face and embedding of the person). This silo's gallery reflects a change before the call returns; the other
/// silos' within <c>Faces:GallerySyncInterval</c>.
/// </summary>
public static class IdentityEndpoints
{
    /// <summary>The longest identity: 256 characters.</summary>
    public const int MaxIdentityLength = 256;

    /// <summary>Maps the identity endpoints.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/identities/{identity}/faces", async (
            string identity, HttpRequest request, IGrainFactory grains, GallerySynchronizer galleries, FaceInstruments instruments, CancellationToken cancellation) =>
        {
            if (InvalidIdentity(identity) is { } problem)
            {
                return problem;
            }

            var (image, invalid) = await ImageBody.ReadAsync(request, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            var outcome = await grains.GetGrain<IIdentityGrain>(identity).Enrol(image!);
            instruments.Enrolment(outcome.Status);
            switch (outcome.Status)
            {
                case EnrolmentStatus.Enrolled:
                    await galleries.SyncNowAsync(cancellation);
                    return Results.Created($"/api/identities/{Uri.EscapeDataString(identity)}", outcome.Identity);
                case EnrolmentStatus.Rejected:
                    return ImageBody.Invalid(outcome.Reason!);
                case EnrolmentStatus.LimitReached:
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Limit reached", detail: outcome.Reason);
                default:
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No face model", detail: outcome.Reason);
            }
        }).WithMetadata(ImageBody.Limit);
        endpoints.MapGet("/api/identities", async (IGrainFactory grains) =>
        {
            var identities = await grains.GetGrain<IIdentityDirectoryGrain>(IIdentityDirectoryGrain.Key).List();
            return Results.Ok(new { count = identities.Count, identities });
        });
        endpoints.MapGet("/api/identities/{identity}", async (string identity, IGrainFactory grains) =>
            InvalidIdentity(identity) ?? (await grains.GetGrain<IIdentityGrain>(identity).Describe() is { } view
                ? Results.Ok(view)
                : NotEnrolled()));
        endpoints.MapDelete("/api/identities/{identity}", async (string identity, IGrainFactory grains, GallerySynchronizer galleries, CancellationToken cancellation) =>
        {
            if (InvalidIdentity(identity) is { } problem)
            {
                return problem;
            }

            if (!await grains.GetGrain<IIdentityGrain>(identity).Delete())
            {
                return NotEnrolled();
            }

            await galleries.SyncNowAsync(cancellation);
            return Results.NoContent();
        });
        return endpoints;
    }

    private static IResult? InvalidIdentity(string identity) =>
        string.IsNullOrWhiteSpace(identity) || identity.Length > MaxIdentityLength
            ? Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid identity",
                detail: $"An identity is 1 to {MaxIdentityLength} characters, not blank.")
            : null;

    private static IResult NotEnrolled() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not enrolled", detail: "No identity of that name is enrolled.");
}
