using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// The gallery the face benchmarks search: <see cref="Identities"/> people (<c>bench-person-N</c>) with
/// <see cref="FacesPerIdentity"/> synthetic frames each, enrolled through the identity grains as an operator would.
/// </summary>
internal static class BenchGallery
{
    /// <summary>People enrolled: 40.</summary>
    public const int Identities = 40;

    /// <summary>Frames each person is enrolled with: 5.</summary>
    public const int FacesPerIdentity = 5;

    private const int Seed = 2;

    /// <summary>Enrols every person with their frames (the same frames every run).</summary>
    /// <exception cref="InvalidOperationException">An enrolment was refused.</exception>
    public static async Task EnrolAsync(IGrainFactory grains)
    {
        var frames = FaceBenchFrames.Create(Identities * FacesPerIdentity, Seed);
        await Task.WhenAll(Enumerable.Range(0, Identities).Select(async identity =>
        {
            var grain = grains.GetGrain<IIdentityGrain>($"bench-person-{identity}");
            for (var face = 0; face < FacesPerIdentity; face++)
            {
                var outcome = await grain.Enrol(frames[(identity * FacesPerIdentity) + face]);
                if (outcome.Status != EnrolmentStatus.Enrolled)
                {
                    throw new InvalidOperationException($"Enrolling bench-person-{identity} failed: {outcome.Status} {outcome.Reason}");
                }
            }
        }));
    }
}
