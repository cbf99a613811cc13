namespace StreamAnalytics.Silo.Training;

/// <summary>
/// How trainer silos retrain, bound from <c>Training</c>.
/// <code>
/// "Training": {
///   "Interval": "00:10:00", "FaceEpochs": 30, "MinFaceIdentities": 6,
///   "RatingRetention": 200000, "MinNewRatings": 1000, "MinRatings": 500,
///   "StoreDirectory": "/var/lib/stream-analytics/training", "StoreConsumerGroup": "stream-analytics-trainer", "StoreSaveInterval": "00:00:10"
/// }
/// </code>
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

    /// <summary>The most ratings the trainer's rating store keeps; past it the oldest are dropped first. Defaults to 200,000.</summary>
    public int RatingRetention { get; set; } = 200_000;

    /// <summary>New ratings the store needs since the last rating training before a scheduled one runs (a manual
    /// retrain ignores it). Defaults to 1,000.</summary>
    public int MinNewRatings { get; set; } = 1_000;

    /// <summary>Ratings the store must hold for any rating training, scheduled or manual (the newest 15% are held out
    /// for the gate). Defaults to 500.</summary>
    public int MinRatings { get; set; } = 500;

    /// <summary>
    /// Where the trainer's rating store is saved (<c>ratings.bin</c>). Defaults to
    /// <c>{temp}/stream-analytics-training/{Orleans:ClusterId}</c>; give a persistent directory in production.
    /// </summary>
    public string? StoreDirectory { get; set; }

    /// <summary>The Kafka consumer group the rating store reads <c>interactions</c> under. Defaults to
    /// <c>{Kafka:ConsumerGroup}-trainer</c>.</summary>
    public string? StoreConsumerGroup { get; set; }

    /// <summary>How often the rating store is saved to disk (offsets are committed after each save). Defaults to 10 seconds.</summary>
    public TimeSpan StoreSaveInterval { get; set; } = TimeSpan.FromSeconds(10);
}
