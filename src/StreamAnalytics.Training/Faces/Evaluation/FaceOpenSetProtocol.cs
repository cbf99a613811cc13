namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>The shape of the open-set evaluation (<see cref="FaceOpenSetEvaluation"/>).</summary>
public sealed record FaceOpenSetProtocol
{
    /// <summary>Identities enrolled in the gallery (the rest are strangers). Defaults to 30 (of ORL's 40).</summary>
    public int Enrolled { get; init; } = 30;

    /// <summary>Images each enrolled identity is enrolled (and the model trained) with. Defaults to 5.</summary>
    public int EnrolImagesPerIdentity { get; init; } = 5;

    /// <summary>
    /// Enrolled identities the calibration model leaves out to play strangers when the threshold is chosen.
    /// Defaults to 6.
    /// </summary>
    public int CalibrationStrangers { get; init; } = 6;
}
