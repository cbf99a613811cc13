using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.IntegrationTests.Faces;

/// <summary>
/// A face model trained once per test run on ORL's first <see cref="TrainedIdentities"/> identities (s1..s20), so
/// s21..s40 are people it never saw: what the camera tests enrol and hold out as strangers.
/// </summary>
public static class TrainedFaceModel
{
    /// <summary>Identities s1..s20 are trained on.</summary>
    public const int TrainedIdentities = 20;

    private static readonly Lazy<(string Path, FaceDataset Orl)> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The exported model's file.</summary>
    public static string Path => Trained.Value.Path;

    /// <summary>ORL, as the tests read it.</summary>
    public static FaceDataset Orl => Trained.Value.Orl;

    /// <summary>The PGM files of identity s<paramref name="identity"/> (1-based), in natural order.</summary>
    public static IReadOnlyList<string> Images(int identity) =>
        [.. Enumerable.Range(1, 10).Select(i => SharedDatasets.File("orl", $"s{identity}", $"{i}.pgm"))];

    private static (string, FaceDataset) Train()
    {
        var orl = OrlDataset.Read(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(SharedDatasets.File("orl", "s1", "1.pgm")))!);
        // The served pipeline: the threshold is calibrated on identities held out of s1..s20, never on the test's people.
        var bytes = FaceModelPipeline.Train(orl, new FaceModelPipelineOptions
        {
            Identities = TrainedIdentities,
            Training = new FaceTrainingOptions { Epochs = 20 },
            Version = "test-face-1",
        }).Onnx;
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sa-test-face-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes);
        return (path, orl);
    }
}
