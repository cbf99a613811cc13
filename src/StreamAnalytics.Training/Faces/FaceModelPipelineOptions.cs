namespace StreamAnalytics.Training.Faces;

/// <summary>How <see cref="FaceModelPipeline"/> trains, calibrates and labels the served face model.</summary>
public sealed class FaceModelPipelineOptions
{
    /// <summary>
    /// The network and its training; its seed seeds the final model, the calibration model (a seed derived from it)
    /// and the choice of pseudo-strangers. Defaults to <see cref="FaceTrainingOptions"/>' defaults.
    /// </summary>
    public FaceTrainingOptions Training { get; set; } = new();

    /// <summary>
    /// Train on only the first this many identities of the dataset, in natural order of their names (<c>s2</c> before
    /// <c>s10</c>); null trains on all of them. Defaults to null.
    /// </summary>
    public int? Identities { get; set; }

    /// <summary>
    /// Identities the calibration model leaves out to play strangers when the open-set threshold is chosen. Defaults
    /// to 4.
    /// </summary>
    public int CalibrationStrangers { get; set; } = 4;

    /// <summary>
    /// A cosine threshold in [-1, 1] to write into the model instead of calibrating one: skips the calibration model's
    /// training (half the time), for a quick bootstrap model. Defaults to null (calibrate).
    /// </summary>
    public float? FixedThreshold { get; set; }

    /// <summary>
    /// The model version written to <c>sa.version</c>; null writes the training time as a UTC time stamp
    /// (<c>yyyyMMddTHHmmssZ</c>). Defaults to null.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>The time written to <c>sa.trainedAt</c>; null writes when training finished. Defaults to null.</summary>
    public DateTimeOffset? TrainedAt { get; set; }

    /// <summary>Checks every option's range, the training options' included.</summary>
    /// <exception cref="ArgumentException">The first option out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Training);
        Training.Validate();
        if (Identities is < 1)
        {
            throw new ArgumentException($"{nameof(Identities)} must be positive (or null for all).", nameof(Identities));
        }

        if (CalibrationStrangers < 1)
        {
            throw new ArgumentException($"{nameof(CalibrationStrangers)} must be positive.", nameof(CalibrationStrangers));
        }

        if (FixedThreshold is { } threshold && !(threshold is >= -1f and <= 1f))
        {
            throw new ArgumentException($"{nameof(FixedThreshold)} must be a cosine similarity in [-1, 1].", nameof(FixedThreshold));
        }

        if (Version is not null && string.IsNullOrWhiteSpace(Version))
        {
            throw new ArgumentException($"{nameof(Version)} must not be blank (or null for a time stamp).", nameof(Version));
        }
    }
}
