namespace StreamAnalytics.Silo.Training;

/// <summary>
/// How trainer silos retrain, bound from <c>Training</c>.
/// <code>"Training": { "Interval": "00:10:00", "FaceEpochs": 30, "MinFaceIdentities": 6 }</code>
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Training";

    /// <summary>How often each kind is considered for retraining (it retrains only when its data changed). Defaults to 10 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Epochs of a face retraining, more than the training's 3 warm-up epochs. Defaults to 30.</summary>
    public int FaceEpochs { get; set; } = 30;

    /// <summary>Identities with at least 3 faces each a face retraining needs (4 of them play strangers to calibrate the
    /// threshold). Defaults to 6.</summary>
    public int MinFaceIdentities { get; set; } = 6;
}
