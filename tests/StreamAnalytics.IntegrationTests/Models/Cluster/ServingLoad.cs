using System.Collections.Concurrent;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.IntegrationTests.Models.Cluster;

/// <summary>
/// Continuous rating predictions (user grain asking its product grain, as <c>GET /api/users/{u}/predictions/{p}</c>
/// does) and identifications (camera grains, as <c>POST /api/cameras/{c}/frames</c> does) from a few concurrent
/// callers, until stopped. Every answer's model version is counted; anything but an answer (an exception, no model, an
/// overloaded or rejected frame) is a failure.
/// </summary>
internal sealed class ServingLoad
{
    private volatile bool _stopping;
    private readonly List<Task> _callers;

    /// <param name="grains">Where the calls come from.</param>
    /// <param name="pairs">The (user, product) pairs predicted, in turn.</param>
    /// <param name="cameras">The cameras frames are sent to, in turn.</param>
    /// <param name="frame">The image every camera sends.</param>
    /// <param name="callers">Concurrent callers; each alternates a prediction and an identification.</param>
    public ServingLoad(IGrainFactory grains, IReadOnlyList<(string User, string Product)> pairs, IReadOnlyList<string> cameras, byte[] frame, int callers = 4)
    {
        _callers = [.. Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var i = caller; !_stopping; i += callers)
            {
                var (user, product) = pairs[i % pairs.Count];
                await Record(RatingVersions, $"prediction {user}/{product}", async () =>
                    (await grains.GetGrain<IUserGrain>(user).PredictRating(product))?.ModelVersion is { } version ? (version, null) : (null, "no model"));
                var camera = cameras[i % cameras.Count];
                await Record(FaceVersions, $"frame {camera}", async () =>
                    await grains.GetGrain<ICameraGrain>(camera).Identify(frame, DateTimeOffset.UtcNow) is var outcome
                        && outcome is { Status: FrameStatus.Identified or FrameStatus.Unknown, Identification: { } found }
                            ? (found.ModelVersion, null)
                            : (null, $"{outcome.Status} {outcome.Reason}"));
            }
        }))];
    }

    /// <summary>Answers per rating model version.</summary>
    public ConcurrentDictionary<string, int> RatingVersions { get; } = new();

    /// <summary>Answers per face model version.</summary>
    public ConcurrentDictionary<string, int> FaceVersions { get; } = new();

    /// <summary>What failed, in order.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>Stops the callers after their current calls.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_callers);
    }

    /// <summary>A summary for assertion messages.</summary>
    public override string ToString() =>
        $"rating {string.Join(", ", RatingVersions.Select(v => $"{v.Key}: {v.Value}"))}; face {string.Join(", ", FaceVersions.Select(v => $"{v.Key}: {v.Value}"))}; "
        + $"{Failures.Count} failures{(Failures.IsEmpty ? "" : ": " + string.Join(" | ", Failures.Take(5)))}";

    private async Task Record(ConcurrentDictionary<string, int> versions, string what, Func<Task<(string? Version, string? Problem)>> call)
    {
        try
        {
            var (version, problem) = await call();
            if (version is null)
            {
                Failures.Enqueue($"{what}: {problem}");
                return;
            }

            versions.AddOrUpdate(version, 1, (_, n) => n + 1);
        }
        catch (Exception e)
        {
            Failures.Enqueue($"{what}: {e.GetType().Name}: {e.Message}");
        }
    }
}
