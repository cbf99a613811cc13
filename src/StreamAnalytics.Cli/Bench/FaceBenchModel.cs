using StreamAnalytics.ModelExport.Faces;
using StreamAnalytics.Training.Faces;
using static TorchSharp.torch;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// The face model <c>sa bench faces</c> serves when no <c>--model</c> is given: the production architecture
/// (<see cref="FaceNetwork"/> with the default <see cref="FaceTrainingOptions"/>) with seeded random weights, exported
/// as training would export it. Its identifications are meaningless, but its compute per image is a trained model's:
/// the weights' values do not change the work.
/// </summary>
internal static class FaceBenchModel
{
    /// <summary>The classifier's identities (ORL's 40 people).</summary>
    public const int Identities = 40;

    /// <summary>The model's version string.</summary>
    public const string Version = "bench-untrained";

    // Any standardisation and threshold will do for speed; these are near what ORL's training computes.
    private const float PixelMean = 0.5f;
    private const float PixelStd = 0.25f;
    private const float Threshold = 0.5f;

    /// <summary>The exported untrained model, the same bytes for every run (the seed fixes the weights).</summary>
    public static byte[] Untrained() => Untrained(Version);

    /// <summary>The same model exported as <paramref name="version"/>: the same weights, other bytes (the version is in
    /// the file), as the registry's versions of one kind must be.</summary>
    public static byte[] Untrained(string version)
    {
        var options = new FaceTrainingOptions();
        using var generator = new Generator((ulong)options.Seed);
        using var network = new FaceNetwork(
            options.Blocks, options.EmbeddingSize, Identities, (float)options.ClassifierScale, PixelMean, PixelStd, generator);
        var identities = Enumerable.Range(1, Identities).Select(i => $"s{i}").ToArray();
        return FaceOnnxExporter.Export(network.ToWeights(identities, Threshold), version, DateTimeOffset.UnixEpoch);
    }
}
