namespace StreamAnalytics.Silo.Models;

/// <summary>
/// Where the silo's first face model comes from, bound from <c>Models:Face</c>.
/// <code>"Models": { "Face": { "Path": "", "BootstrapDataset": "", "BootstrapIdentities": 30, "BootstrapEpochs": 25 } }</code>
/// </summary>
public sealed class FaceModelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Models:Face";

    /// <summary>
    /// An ONNX face model to load at start (<c>sa train faces --output</c> writes one). Empty by default: then, with
    /// the demo feed on, the silo trains a first model from <see cref="BootstrapDataset"/>; otherwise frames and
    /// enrolments answer 503 until a model is loaded.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// A folder-per-identity face image tree the demo trains its first face model on (and enrols and replays as
    /// camera frames). Empty by default: then <c>$STREAMANALYTICS_DATASETS/orl</c>, or <c>../shared/datasets/orl</c>
    /// from the working directory, when either exists.
    /// </summary>
    public string? BootstrapDataset { get; set; }

    /// <summary>Identities of the bootstrap dataset the first model is trained on and enrolled (the rest stay
    /// strangers). Defaults to 30.</summary>
    public int BootstrapIdentities { get; set; } = 30;

    /// <summary>Training epochs of the bootstrap model: fewer than an offline run, so the demo is live within a minute.
    /// Defaults to 25.</summary>
    public int BootstrapEpochs { get; set; } = 25;
}
