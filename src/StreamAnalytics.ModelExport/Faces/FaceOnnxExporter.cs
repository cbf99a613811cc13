using System.Globalization;
using System.Text.Json;
using Onnx;
using StreamAnalytics.ModelExport.Onnx;
using static StreamAnalytics.ModelExport.Faces.FaceOnnxContract;
using static StreamAnalytics.ModelExport.Onnx.OnnxNodes;
using DataType = Onnx.TensorProto.Types.DataType;

namespace StreamAnalytics.ModelExport.Faces;

/// <summary>
/// Writes the face model as ONNX (IR 8, opset 17, batch dimension <c>N</c>), computing exactly the contract's
/// function: normalised pixels through the convolution blocks, a global average pool, the L2-normalised embedding
/// (<c>embedding</c>) and the scaled classifier on it (<c>logits</c>). Weights become initializers; the identities,
/// threshold and input size serving needs go into <c>metadata_props</c>.
/// </summary>
public static class FaceOnnxExporter
{
    /// <summary>Added to the sum of squares under the square root, as the contract fixes: an all-zero embedding
    /// stays zero instead of becoming NaN.</summary>
    public const float NormEpsilon = 1e-12f;

    /// <summary>Exports <paramref name="weights"/> (validated first) as ONNX model bytes.</summary>
    /// <param name="weights">The trained weights, batch norm already folded into the blocks.</param>
    /// <param name="version">The model version string written to <c>sa.version</c>; not empty.</param>
    /// <param name="trainedAt">When training finished, written to <c>sa.trainedAt</c> as ISO-8601 UTC.</param>
    /// <exception cref="ArgumentException">The weights are inconsistent or the version is empty.</exception>
    public static byte[] Export(FaceModelWeights weights, string version, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        weights.Validate();

        var embedding = weights.EmbeddingBias.Length;
        var graph = new GraphProto { Name = "face" };
        graph.Input.Add(OnnxValueInfos.Tensor(
            ImageInput, DataType.Float, OnnxDim.Batch, OnnxDim.Fixed(1), OnnxDim.Fixed(InputHeight), OnnxDim.Fixed(InputWidth)));
        graph.Output.Add(OnnxValueInfos.Tensor(EmbeddingOutput, DataType.Float, OnnxDim.Batch, OnnxDim.Fixed(embedding)));
        graph.Output.Add(OnnxValueInfos.Tensor(LogitsOutput, DataType.Float, OnnxDim.Batch, OnnxDim.Fixed(weights.Identities.Count)));
        graph.Initializer.Add(Initializers(weights));
        graph.Node.Add(Nodes(weights));
        return OnnxModels.Serialize(graph, Metadata(weights, version, trainedAt));
    }

    private static IEnumerable<TensorProto> Initializers(FaceModelWeights w)
    {
        yield return OnnxTensors.FloatScalar("pixel_mean", w.PixelMean);
        yield return OnnxTensors.FloatScalar("pixel_std", w.PixelStd);
        for (var i = 0; i < w.Blocks.Count; i++)
        {
            var b = w.Blocks[i];
            yield return OnnxTensors.Float(BlockTensor(i, "weight"), b.Weight, b.OutChannels, b.InChannels, b.KernelSize, b.KernelSize);
            yield return OnnxTensors.Float(BlockTensor(i, "bias"), b.Bias, b.OutChannels);
        }

        var channels = w.Blocks[^1].OutChannels;
        var embedding = w.EmbeddingBias.Length;
        yield return OnnxTensors.Float("embedding_weight", w.EmbeddingWeight, embedding, channels);
        yield return OnnxTensors.Float("embedding_bias", w.EmbeddingBias, embedding);
        yield return OnnxTensors.FloatScalar("norm_epsilon", NormEpsilon);
        yield return OnnxTensors.Float("classifier_weight", w.ClassifierWeight, w.Identities.Count, embedding);
        yield return OnnxTensors.Float("classifier_bias", w.ClassifierBias, w.Identities.Count);
    }

    private static IEnumerable<NodeProto> Nodes(FaceModelWeights w)
    {
        // x = (image - pixel_mean) / pixel_std
        yield return Node("Sub", "image_centred", ImageInput, "pixel_mean");
        yield return Node("Div", "x", "image_centred", "pixel_std");

        var x = "x";
        for (var i = 0; i < w.Blocks.Count; i++)
        {
            var b = w.Blocks[i];
            long pad = b.KernelSize / 2;
            yield return Node(
                "Conv",
                [x, BlockTensor(i, "weight"), BlockTensor(i, "bias")],
                [BlockTensor(i, "conv")],
                Ints("kernel_shape", b.KernelSize, b.KernelSize),
                Ints("pads", pad, pad, pad, pad),
                Ints("strides", b.Stride, b.Stride));
            x = BlockTensor(i, "relu");
            yield return Node("Relu", x, BlockTensor(i, "conv"));
            if (b.MaxPool)
            {
                // No padding and ceil_mode 0: an odd last row or column is dropped, as the contract's floor says.
                yield return Node("MaxPool", [x], [BlockTensor(i, "pool")], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
                x = BlockTensor(i, "pool");
            }
        }

        // [N, C, H, W] -> [N, C, 1, 1] -> [N, C]
        yield return Node("GlobalAveragePool", "pooled", x);
        yield return Node("Flatten", ["pooled"], ["features"], Int("axis", 1));

        // embedding = v / sqrt(sum(v^2) + eps), v = features @ embedding_weight^T + embedding_bias (torch Linear layout).
        yield return Node("Gemm", ["features", "embedding_weight", "embedding_bias"], ["embedding_raw"], Int("transB", 1));
        yield return Node("ReduceSumSquare", ["embedding_raw"], ["embedding_sum_squares"], Ints("axes", 1), Int("keepdims", 1));
        yield return Node("Add", "embedding_sum_squares_eps", "embedding_sum_squares", "norm_epsilon");
        yield return Node("Sqrt", "embedding_norm", "embedding_sum_squares_eps");
        yield return Node("Div", EmbeddingOutput, "embedding_raw", "embedding_norm");

        // logits = scale * (embedding @ classifier_weight^T) + classifier_bias: Gemm's alpha is the scale.
        yield return Node(
            "Gemm", [EmbeddingOutput, "classifier_weight", "classifier_bias"], [LogitsOutput], Float("alpha", w.ClassifierScale), Int("transB", 1));
    }

    private static IEnumerable<KeyValuePair<string, string>> Metadata(FaceModelWeights w, string version, DateTimeOffset trainedAt)
    {
        yield return new(KindKey, Kind);
        yield return new(VersionKey, version);
        yield return new(TrainedAtKey, trainedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        yield return new(IdentitiesKey, JsonSerializer.Serialize(w.Identities));
        yield return new(ThresholdKey, w.Threshold.ToString("R", CultureInfo.InvariantCulture));
        yield return new(InputHeightKey, InputHeight.ToString(CultureInfo.InvariantCulture));
        yield return new(InputWidthKey, InputWidth.ToString(CultureInfo.InvariantCulture));
    }

    private static string BlockTensor(int block, string part) => $"block{block}_{part}";
}
