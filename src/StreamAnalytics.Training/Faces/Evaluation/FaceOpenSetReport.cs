namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// Open-set identification: a gallery of enrolled identities, probes of their other images and of strangers.
/// </summary>
/// <param name="Enrolled">Identities in the gallery.</param>
/// <param name="Strangers">Identities never enrolled nor trained on.</param>
/// <param name="EnrolImagesPerIdentity">Images per enrolled identity (gallery = their normalised mean embedding).</param>
/// <param name="Threshold">The cosine threshold chosen on validation data; a best match below it answers unknown.</param>
/// <param name="Rank1Accuracy">Enrolled people's other images whose nearest gallery entry is themselves (no threshold).</param>
/// <param name="AcceptedCorrect">The same images, nearest entry themselves and at or above the threshold.</param>
/// <param name="FalseRejection">The same images answered unknown.</param>
/// <param name="StrangerRejection">Strangers' images answered unknown.</param>
/// <param name="ValidationGenuineAccepted">On the calibration data: genuine probes accepted and correct at the threshold.</param>
/// <param name="ValidationImpostorRejected">On the calibration data: pseudo-strangers rejected at the threshold.</param>
/// <param name="TrainSeconds">Both trainings (calibration and final), in seconds.</param>
public sealed record FaceOpenSetReport(
    int Enrolled,
    int Strangers,
    int EnrolImagesPerIdentity,
    double Threshold,
    double Rank1Accuracy,
    double AcceptedCorrect,
    double FalseRejection,
    double StrangerRejection,
    double ValidationGenuineAccepted,
    double ValidationImpostorRejected,
    double TrainSeconds);
