using StreamAnalytics.Inference.OnnxRuntime;
using StreamAnalytics.ModelExport.Faces;
using StreamAnalytics.ModelExport.Faces.Seed;
using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Evaluation;
using StreamAnalytics.Training.Faces.Seed;
using static TorchSharp.torch;

namespace StreamAnalytics.Cli.Faces;

/// <summary>Images per second at batch 1 of one network, through TorchSharp and through ONNX Runtime.</summary>
internal sealed record BatchOneSpeed(double TorchSharp, double OnnxRuntime)
{
    /// <summary>
    /// The seed-size network (<see cref="SeedFaceLayout.SeedSize"/>) with random weights: speed does not depend on them,
    /// so no trained network has to be kept or exported.
    /// </summary>
    public static BatchOneSpeed Seed(int classes, TimeSpan duration)
    {
        var layout = SeedFaceLayout.SeedSize(classes);
        double torchSharp;
        using (var generator = new Generator(1))
        using (var network = new SeedFaceNetwork(layout, generator: generator))
        {
            torchSharp = TorchInferenceSpeed.ImagesPerSecond(network, network.forward, duration);
        }

        using var session = OnnxSessions.Create(SeedFaceOnnxExporter.RandomModel(layout, seed: 1));
        return new BatchOneSpeed(torchSharp, OnnxInferenceSpeed.ImagesPerSecond(session, duration));
    }

    /// <summary>Our network as <see cref="FaceTrainingOptions"/> builds it by default, random weights, embedding and logits.</summary>
    public static BatchOneSpeed Ours(int classes, TimeSpan duration)
    {
        var options = new FaceTrainingOptions();
        using var generator = new Generator(1);
        using var network = new FaceNetwork(options.Blocks, options.EmbeddingSize, classes, (float)options.ClassifierScale, 0.5f, 0.25f, generator);
        var torchSharp = TorchInferenceSpeed.ImagesPerSecond(network, x => network.Logits(network.forward(x)), duration);
        var identities = Enumerable.Range(1, classes).Select(i => $"s{i}").ToArray();
        var onnx = FaceOnnxExporter.Export(network.ToWeights(identities, 0.5f), "speed", DateTimeOffset.UnixEpoch);
        using var session = OnnxSessions.Create(onnx);
        return new BatchOneSpeed(torchSharp, OnnxInferenceSpeed.ImagesPerSecond(session, duration));
    }
}
