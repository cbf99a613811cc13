using System.Globalization;
using Onnx;
using StreamAnalytics.ModelExport.Onnx;
using static StreamAnalytics.ModelExport.Onnx.OnnxNodes;
using DataType = Onnx.TensorProto.Types.DataType;

namespace StreamAnalytics.ModelExport.Faces.Seed;

/// <summary>
/// Writes the seed face network as ONNX (IR 8, opset 17): input <c>image</c> float32 [N, 1, 112, 92] with pixels in
/// [0, 1], output <c>logits</c> float32 [N, K]. Dropout is left out (it is the identity at inference). This is a
/// comparison model, not a served one: it has no embedding output and no identities, so serving's face contract does
/// not apply.
/// </summary>
public static class SeedFaceOnnxExporter
{
    /// <summary>The graph input: float32 [N, 1, 112, 92].</summary>
    public const string ImageInput = FaceOnnxContract.ImageInput;

    /// <summary>The graph output: float32 [N, K].</summary>
    public const string LogitsOutput = FaceOnnxContract.LogitsOutput;

    /// <summary>The value of the <c>sa.kind</c> metadata entry.</summary>
    public const string Kind = "face-seed";

    /// <summary>Exports <paramref name="weights"/> (validated first) as ONNX model bytes.</summary>
    /// <remarks>The seed size is 52.5M floats, a 210 MB model: well inside protobuf's 2 GB message limit, so the
    /// weights stay inline initializers rather than external data.</remarks>
    /// <exception cref="ArgumentException">An array does not fit the layout.</exception>
    public static byte[] Export(SeedFaceWeights weights, string version = "seed")
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        weights.Validate();
        var layout = weights.Layout;
        var graph = new GraphProto { Name = "face_seed" };
        graph.Input.Add(OnnxValueInfos.Tensor(
            ImageInput, DataType.Float, OnnxDim.Batch, OnnxDim.Fixed(1), OnnxDim.Fixed(FaceOnnxContract.InputHeight), OnnxDim.Fixed(FaceOnnxContract.InputWidth)));
        graph.Output.Add(OnnxValueInfos.Tensor(LogitsOutput, DataType.Float, OnnxDim.Batch, OnnxDim.Fixed(layout.Classes)));
        graph.Initializer.Add(Initializers(weights));
        graph.Node.Add(Nodes(layout));
        return OnnxModels.Serialize(graph, [
            new("sa.kind", Kind),
            new("sa.version", version),
            new("sa.parameters", layout.ParameterCount.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>
    /// A model of <paramref name="layout"/> with seeded random weights (<see cref="SeedFaceWeights.Random"/>): what a
    /// speed measurement needs, since the weights' values do not change the work. <c>RandomModel(SeedFaceLayout.SeedSize(), 1)</c>
    /// is the seed-size network (about 210 MB of bytes).
    /// </summary>
    public static byte[] RandomModel(SeedFaceLayout layout, int seed) => Export(SeedFaceWeights.Random(layout, seed), "random");

    private static IEnumerable<TensorProto> Initializers(SeedFaceWeights w)
    {
        var layout = w.Layout;
        var inChannels = 1;
        for (var i = 0; i < layout.ConvChannels.Count; i++)
        {
            var channels = layout.ConvChannels[i];
            yield return OnnxTensors.Float(Block(i, "weight"), w.ConvWeights[i], channels, inChannels, SeedFaceLayout.KernelSize, SeedFaceLayout.KernelSize);
            yield return OnnxTensors.Float(Block(i, "bias"), w.ConvBiases[i], channels);
            inChannels = channels;
        }

        yield return OnnxTensors.Float("hidden_weight", w.HiddenWeight, layout.Hidden, layout.FlattenSize);
        yield return OnnxTensors.Float("hidden_bias", w.HiddenBias, layout.Hidden);
        yield return OnnxTensors.Float("output_weight", w.OutputWeight, layout.Classes, layout.Hidden);
        yield return OnnxTensors.Float("output_bias", w.OutputBias, layout.Classes);
    }

    private static IEnumerable<NodeProto> Nodes(SeedFaceLayout layout)
    {
        var x = ImageInput;
        const long pad = SeedFaceLayout.KernelSize / 2;
        for (var i = 0; i < layout.ConvChannels.Count; i++)
        {
            yield return Node(
                "Conv",
                [x, Block(i, "weight"), Block(i, "bias")],
                [Block(i, "conv")],
                Ints("kernel_shape", SeedFaceLayout.KernelSize, SeedFaceLayout.KernelSize),
                Ints("pads", pad, pad, pad, pad),
                Ints("strides", 1, 1));
            yield return Node("Relu", Block(i, "relu"), Block(i, "conv"));
            yield return Node("MaxPool", [Block(i, "relu")], [Block(i, "pool")], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
            x = Block(i, "pool");
        }

        // [N, C, H, W] -> [N, C·H·W], channel-major as torch's flatten.
        yield return Node("Flatten", [x], ["features"], Int("axis", 1));
        yield return Node("Gemm", ["features", "hidden_weight", "hidden_bias"], ["hidden_linear"], Int("transB", 1));
        yield return Node("Relu", "hidden", "hidden_linear");
        yield return Node("Gemm", ["hidden", "output_weight", "output_bias"], [LogitsOutput], Int("transB", 1));
    }

    private static string Block(int block, string part) => $"block{block}_{part}";
}
