using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Synthetic;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.IntegrationTests.Ratings;

/// <summary>A real rating model for the serving tests: trained on 5,000 synthetic ratings and exported to a temporary file.</summary>
internal static class RatingModelFile
{
    /// <summary>The version written into the file.</summary>
    public const string Version = "test-v1";

    private static readonly Lazy<RatingModelWeights> Weights = new(() =>
    {
        var dataset = SyntheticRatingDataset.Create(new SyntheticFeedOptions(Users: 300, Products: 100, Seed: 7), 5_000);
        return RatingModelPipeline.Run(dataset, RatingSplits.TimeOrdered(dataset.Examples), new RatingTrainingOptions { Seed = 7 }).Served;
    });

    private static readonly Lazy<byte[]> Bytes = new(() => Export(Version));

    /// <summary>The same trained model exported with another version string (other bytes, another registry version).</summary>
    public static byte[] Export(string version) => RatingOnnxExporter.Export(Weights.Value, version, DateTimeOffset.UtcNow);

    /// <summary>Writes the model to a new temporary file and returns its path.</summary>
    public static string Write()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sa-rating-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, Bytes.Value);
        return path;
    }
}
