using Microsoft.ML.OnnxRuntime;
using StreamAnalytics.Inference.OnnxRuntime;
using StreamAnalytics.ModelExport.Faces.Seed;
using StreamAnalytics.Training.Faces.Seed;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Tests.Faces.Seed;

/// <summary>
/// The exported seed network is the TorchSharp one: ONNX Runtime against the network in eval mode (dropout off), on a
/// small random-weight instance over ORL images.
/// </summary>
[Collection(TrainingGroup.Name)]
public sealed class SeedFaceOnnxEquivalenceTests(OrlFaceFixture orl) : IClassFixture<OrlFaceFixture>
{
    private const int Height = 112;
    private const int Width = 92;

    [Fact]
    public void Onnx_runtime_gives_the_torchsharp_logits_within_1e_4()
    {
        var layout = new SeedFaceLayout([4, 8], hidden: 24, classes: 6);
        using var generator = new Generator(11);
        using var network = new SeedFaceNetwork(layout, generator: generator);
        // Non-zero biases, so the test also sees them placed right.
        using (no_grad())
        {
            foreach (var (_, parameter) in network.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)))
            {
                nn.init.uniform_(parameter, -0.1, 0.1, generator);
            }
        }

        const int count = 7;
        var pixels = orl.Dataset.Images.Skip(50).Take(count).SelectMany(i => i).ToArray();
        float[] torchLogits;
        network.eval();
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            torchLogits = network.forward(tensor(pixels, [count, 1, Height, Width])).data<float>().ToArray();
        }

        using var session = OnnxSessions.Create(SeedFaceOnnxExporter.Export(network.ToWeights()));
        var onnxLogits = Run(session, pixels, count);

        Assert.Equal(count * layout.Classes, onnxLogits.Length);
        var difference = torchLogits.Zip(onnxLogits, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(difference <= 1e-4f, $"max |torch - onnx| logit = {difference}");
        Assert.True(torchLogits.Max() - torchLogits.Min() > 1e-3f, "the logits should differ, or the comparison proves little");
    }

    [Fact]
    public void A_random_model_declares_image_n_1_112_92_and_logits_n_k()
    {
        var layout = new SeedFaceLayout([2, 4], hidden: 8, classes: 3);

        using var session = OnnxSessions.Create(SeedFaceOnnxExporter.RandomModel(layout, seed: 3));
        var input = session.InputMetadata[SeedFaceOnnxExporter.ImageInput];
        var output = session.OutputMetadata[SeedFaceOnnxExporter.LogitsOutput];
        var logits = Run(session, new float[2 * Height * Width], 2);

        Assert.Equal([-1, 1, Height, Width], input.Dimensions);
        Assert.Equal("N", input.SymbolicDimensions[0]);
        Assert.Equal([-1, 3], output.Dimensions);
        Assert.Equal(6, logits.Length);
        Assert.Equal(SeedFaceOnnxExporter.Kind, session.ModelMetadata.CustomMetadataMap["sa.kind"]);
    }

    private static float[] Run(InferenceSession session, float[] pixels, int count)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [count, 1, Height, Width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [SeedFaceOnnxExporter.ImageInput], [input], [SeedFaceOnnxExporter.LogitsOutput]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
