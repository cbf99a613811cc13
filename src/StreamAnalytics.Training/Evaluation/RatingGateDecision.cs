namespace StreamAnalytics.Training.Evaluation;

/// <summary>What <see cref="RatingModelGate.Choose"/> decided.</summary>
/// <param name="Accepted">Whether the candidate model is promoted.</param>
/// <param name="Served">What gets served: <see cref="RatingModelGate.Candidate"/> or the name of a baseline.</param>
/// <param name="Reason">A sentence for the logs and the model registry.</param>
public sealed record RatingGateDecision(bool Accepted, string Served, string Reason);
