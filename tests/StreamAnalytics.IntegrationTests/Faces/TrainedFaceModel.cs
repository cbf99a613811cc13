using StreamAnalytics.ModelExport.Faces;
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

    /// <summary>The open-set threshold written into the model.</summary>
    public const float Threshold = 0.8f;

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
        var trainedNames = Enumerable.Range(1, TrainedIdentities).Select(i => $"s{i}").ToHashSet(StringComparer.Ordinal);
        var images = Enumerable.Range(0, orl.Count).Where(i => trainedNames.Contains(orl.Identities[orl.Labels[i]])).ToArray();
        using var trained = new FaceTrainer(new FaceTrainingOptions { Epochs = 20 }).Train(orl, images);
        var bytes = FaceOnnxExporter.Export(trained.Network.ToWeights(trained.Identities, Threshold), "test-face-1", DateTimeOffset.UtcNow);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sa-test-face-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes);
        return (path, orl);
    }
}
