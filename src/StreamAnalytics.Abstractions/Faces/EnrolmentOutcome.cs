namespace StreamAnalytics.Abstractions.Faces;

/// <summary>The answer to an enrolment (<c>POST /api/identities/{identity}/faces</c>).</summary>
/// <param name="Status">Enrolled, or why not.</param>
/// <param name="Identity">The identity as it stands after the call; null when it was never enrolled.</param>
/// <param name="Reason">Why the face was not enrolled; null when it was.</param>
[GenerateSerializer, Immutable]
public sealed record EnrolmentOutcome(
    [property: Id(0)] EnrolmentStatus Status,
    [property: Id(1)] IdentityView? Identity,
    [property: Id(2)] string? Reason);
