using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Tests;
using StreamAnalytics.ModelExport.Faces;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.IntegrationTests.Models.Cluster;

/// <summary>
/// Small random models for the multi-silo tests, built in milliseconds: the same weights under another version string
/// are other bytes, so each is a new registry version and a real swap on every silo. What they predict is not under
/// test; which version answered is.
/// </summary>
internal static class ClusterModels
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A rating model on the grains' feature vector.</summary>
    public static byte[] Rating(string version) =>
        RatingOnnxExporter.Export(
            RatingWeightsFactory.Random(seed: 7, features: RatingFeatureVector.Count) with { FeatureNames = RatingFeatureVector.Names },
            version,
            TrainedAt);

    /// <summary>A face model of three small blocks with an 8-wide embedding.</summary>
    public static byte[] Face(string version) => FaceOnnxExporter.Export(FaceWeightsFactory.Random(seed: 7), version, TrainedAt);
}
