namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>The open-set threshold a calibration model chose, and its rates on the calibration probes.</summary>
/// <param name="Threshold">The cosine threshold (<see cref="OpenSetThreshold.Choose"/>).</param>
/// <param name="GenuineAccepted">Held-back images of known identities accepted with the right identity at the threshold.</param>
/// <param name="ImpostorRejected">Pseudo-strangers' images rejected at the threshold.</param>
/// <param name="Seconds">The calibration model's training time.</param>
internal sealed record FaceThresholdCalibration(double Threshold, double GenuineAccepted, double ImpostorRejected, double Seconds);
