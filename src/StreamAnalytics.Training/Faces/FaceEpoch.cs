namespace StreamAnalytics.Training.Faces;

/// <summary>One training epoch of the face network: its mean loss and training accuracy (on augmented images).</summary>
public sealed record FaceEpoch(int Epoch, double Loss, double TrainAccuracy);
