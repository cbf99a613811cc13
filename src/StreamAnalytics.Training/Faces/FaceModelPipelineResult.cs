namespace StreamAnalytics.Training.Faces;

/// <summary>What <see cref="FaceModelPipeline.Train(Data.FaceDataset, FaceModelPipelineOptions, CancellationToken)"/> produced.</summary>
/// <param name="Onnx">The face model file (the face ONNX contract), ready for serving to load.</param>
/// <param name="Version">The version written into the file.</param>
/// <param name="TrainedAt">The training time written into the file.</param>
/// <param name="Identities">The classifier's identities, in logit order.</param>
/// <param name="Images">The images the final model trained on.</param>
/// <param name="Threshold">The open-set cosine threshold written into the file.</param>
/// <param name="Calibrated">Whether the threshold was calibrated (false: the fixed threshold was used).</param>
/// <param name="ValidationGenuineAccepted">
/// On the calibration probes: held-back images of known identities accepted with the right identity; null when not
/// calibrated.
/// </param>
/// <param name="ValidationImpostorRejected">On the calibration probes: pseudo-strangers' images rejected; null when not calibrated.</param>
/// <param name="ParameterCount">The exported model's parameters (batch norm folded).</param>
/// <param name="TrainSeconds">Wall-clock time of the whole pipeline: calibration, final training and export.</param>
public sealed record FaceModelPipelineResult(
    byte[] Onnx,
    string Version,
    DateTimeOffset TrainedAt,
    IReadOnlyList<string> Identities,
    int Images,
    float Threshold,
    bool Calibrated,
    double? ValidationGenuineAccepted,
    double? ValidationImpostorRejected,
    long ParameterCount,
    double TrainSeconds);
