using System.Text.Json;
using StreamAnalytics.Abstractions.Interactions;

namespace StreamAnalytics.Silo.Api;

/// <summary>
/// Maps <c>POST /api/interactions</c>: one event or an array, validated against the event contract and written to
/// Kafka. All valid: 202 with the count. Any invalid: 400 problem details listing each invalid item by index with its
/// reason, and nothing is written, so a corrected batch can simply be sent again.
/// </summary>
public static class InteractionEndpoints
{
    /// <summary>
    /// The largest request body accepted: 1 MiB. This endpoint buffers the body, so it keeps this cap even when
    /// <c>Api:MaxRequestBodyBytes</c> is raised; a lower <c>Api:MaxRequestBodyBytes</c> applies first.
    /// </summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapInteractionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/interactions", async (HttpRequest request, InteractionEventParser parser, InteractionProducer producer, CancellationToken cancellation) =>
        {
            var body = await ReadBodyAsync(request, cancellation);
            if (body is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"The body may be at most {MaxBodyBytes} bytes; send fewer interactions per request.");
            }

            if (!TrySplit(body, out var items))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request body",
                    detail: "The body must be one interaction (a JSON object) or a JSON array of them.");
            }

            var accepted = new List<InteractionEvent>(items.Count);
            var errors = new List<InvalidInteraction>();
            for (var i = 0; i < items.Count; i++)
            {
                var result = parser.Parse(items[i]);
                if (result.Event is { } interaction)
                {
                    accepted.Add(interaction);
                }
                else
                {
                    errors.Add(new InvalidInteraction(i, result.Reason ?? "invalid"));
                }
            }

            if (errors.Count > 0)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid interactions",
                    detail: $"{errors.Count} of {items.Count} interactions are invalid; none was accepted.",
                    extensions: new Dictionary<string, object?> { ["errors"] = errors });
            }

            await producer.WriteAsync(accepted, cancellation);
            return Results.Accepted(value: new InteractionsAccepted(accepted.Count));
        });
        return endpoints;
    }

    // Reads at most MaxBodyBytes; null when the body is larger (whatever server enforces or not).
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // One object, or each element of an array, as its own UTF-8 JSON for the contract's parser.
    private static bool TrySplit(byte[] body, out List<byte[]> items)
    {
        items = [];
        try
        {
            using var document = JsonDocument.Parse(body);
            switch (document.RootElement.ValueKind)
            {
                case JsonValueKind.Object:
                    items.Add(body);
                    return true;
                case JsonValueKind.Array:
                    foreach (var element in document.RootElement.EnumerateArray())
                    {
                        items.Add(JsonSerializer.SerializeToUtf8Bytes(element, InteractionApiJson.Default.JsonElement));
                    }

                    return items.Count > 0;
                default:
                    return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>The body of a 202 from <c>POST /api/interactions</c>.</summary>
/// <param name="Accepted">Interactions written to Kafka.</param>
public sealed record InteractionsAccepted(int Accepted);

/// <summary>One invalid item of a <c>POST /api/interactions</c> request.</summary>
/// <param name="Index">Its position in the request (0 for a single object).</param>
/// <param name="Reason">Why it is invalid, as the event contract names it.</param>
public sealed record InvalidInteraction(int Index, string Reason);
