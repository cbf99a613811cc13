namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>One random train/test split: its seed, test accuracy and training time.</summary>
public sealed record FaceSplitResult(int Seed, double Accuracy, double TrainSeconds);
