namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// Closed-set identification over several random per-identity splits: every split, the mean and (population)
/// standard deviation of the test accuracy, the exported model's parameter count and the mean training seconds.
/// </summary>
public sealed record FaceSplitsReport(
    string Dataset,
    int TrainPerIdentity,
    IReadOnlyList<FaceSplitResult> Splits,
    double Mean,
    double Std,
    long Params,
    double TrainSeconds);
