namespace StreamAnalytics.Silo.Models;

/// <summary>
/// Where the silo's first rating model comes from, bound from <c>Models:Rating</c>.
/// <code>"Models": { "Rating": { "Path": "", "BootstrapRatings": 20000 } }</code>
/// </summary>
public sealed class RatingModelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Models:Rating";

    /// <summary>
    /// An ONNX rating model to load at start (<c>sa train rating --output</c> writes one). Empty by default: then, with the
    /// demo feed on, the silo trains a first model from the feed's history (see <see cref="BootstrapRatings"/>); without
    /// it the silo serves features and answers prediction requests with 503 until a model is loaded.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Ratings of the demo feed's history the first model is trained on when no <see cref="Path"/> is given and the demo
    /// feed runs. 0 turns this off. Defaults to 20,000 (a few seconds of training on 2 cores).
    /// </summary>
    public int BootstrapRatings { get; set; } = 20_000;
}
