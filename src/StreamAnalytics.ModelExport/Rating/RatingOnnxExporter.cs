using System.Globalization;
using System.Text.Json;
using Onnx;
using StreamAnalytics.ModelExport.Onnx;
using static StreamAnalytics.ModelExport.Onnx.OnnxNodes;
using static StreamAnalytics.ModelExport.Rating.RatingOnnxContract;
using DataType = Onnx.TensorProto.Types.DataType;

namespace StreamAnalytics.ModelExport.Rating;

/// <summary>
/// Writes the rating model as ONNX (IR 8, opset 17, batch dimension <c>N</c>), computing exactly the contract's
/// function: biases + factor dot product + a one-hidden-layer MLP over [user factors, product factors, standardised
/// features], clipped to the rating range. Weights become initializers; what serving needs to map ids to rows and check
/// the feature order goes into <c>metadata_props</c>.
/// </summary>
public static class RatingOnnxExporter
{
    /// <summary>Exports <paramref name="weights"/> (validated first) as ONNX model bytes.</summary>
    /// <param name="weights">The trained weights.</param>
    /// <param name="version">The model version string written to <c>sa.version</c>; not empty.</param>
    /// <param name="trainedAt">When training finished, written to <c>sa.trainedAt</c> as ISO-8601 UTC.</param>
    /// <exception cref="ArgumentException">The weights are inconsistent or the version is empty.</exception>
    public static byte[] Export(RatingModelWeights weights, string version, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        weights.Validate();

        var graph = new GraphProto { Name = "rating" };
        graph.Input.Add(OnnxValueInfos.Tensor(UserIndexInput, DataType.Int64, OnnxDim.Batch));
        graph.Input.Add(OnnxValueInfos.Tensor(ProductIndexInput, DataType.Int64, OnnxDim.Batch));
        graph.Input.Add(OnnxValueInfos.Tensor(FeaturesInput, DataType.Float, OnnxDim.Batch, OnnxDim.Fixed(weights.FeatureCount)));
        graph.Output.Add(OnnxValueInfos.Tensor(RatingOutput, DataType.Float, OnnxDim.Batch));
        graph.Initializer.Add(Initializers(weights));
        graph.Node.Add(Nodes());
        return OnnxModels.Serialize(graph, Metadata(weights, version, trainedAt));
    }

    private static IEnumerable<TensorProto> Initializers(RatingModelWeights w)
    {
        long users = w.UserIds.Count + 1L;
        long products = w.ProductIds.Count + 1L;
        yield return OnnxTensors.Float("user_factors", w.UserFactors, users, w.Factors);
        yield return OnnxTensors.Float("product_factors", w.ProductFactors, products, w.Factors);
        yield return OnnxTensors.Float("user_bias", w.UserBias, users);
        yield return OnnxTensors.Float("product_bias", w.ProductBias, products);
        yield return OnnxTensors.Float("feature_mean", w.FeatureMean, w.FeatureCount);
        yield return OnnxTensors.Float("feature_inv_std", w.FeatureInvStd, w.FeatureCount);
        yield return OnnxTensors.Float("hidden_weight", w.HiddenWeight, w.Hidden, (2L * w.Factors) + w.FeatureCount);
        yield return OnnxTensors.Float("hidden_bias", w.HiddenBias, w.Hidden);
        // [H, 1] so the output layer is a plain Gemm; its [N, 1] result is squeezed to [N] below.
        yield return OnnxTensors.Float("output_weight", w.OutputWeight, w.Hidden, 1);
        yield return OnnxTensors.Float("output_bias", [w.OutputBias], 1);
        yield return OnnxTensors.FloatScalar("global_bias", w.GlobalBias);
        yield return OnnxTensors.FloatScalar("rating_min", w.RatingMin);
        yield return OnnxTensors.FloatScalar("rating_max", w.RatingMax);
        yield return OnnxTensors.Int64("axis_1", [1], 1);
    }

    private static IEnumerable<NodeProto> Nodes()
    {
        // x = (features - feature_mean) * feature_inv_std
        yield return Node("Sub", "features_centred", FeaturesInput, "feature_mean");
        yield return Node("Mul", "x", "features_centred", "feature_inv_std");

        // Table lookups; row 0 is the unknown row, so unknown ids need no special case here.
        yield return Node("Gather", ["user_factors", UserIndexInput], ["ue"], Int("axis", 0));
        yield return Node("Gather", ["product_factors", ProductIndexInput], ["pe"], Int("axis", 0));
        yield return Node("Gather", ["user_bias", UserIndexInput], ["bu"], Int("axis", 0));
        yield return Node("Gather", ["product_bias", ProductIndexInput], ["bp"], Int("axis", 0));

        // dot = sum(ue * pe, axis=1)
        yield return Node("Mul", "ue_pe", "ue", "pe");
        yield return Node("ReduceSum", ["ue_pe", "axis_1"], ["dot"], Int("keepdims", 0));

        // h = relu(concat(ue, pe, x) @ hidden_weight^T + hidden_bias); transB reads the torch Linear layout as is.
        yield return Node("Concat", ["ue", "pe", "x"], ["mlp_in"], Int("axis", 1));
        yield return Node("Gemm", ["mlp_in", "hidden_weight", "hidden_bias"], ["hidden_pre"], Int("transB", 1));
        yield return Node("Relu", "hidden", "hidden_pre");

        // m = h @ output_weight + output_bias
        yield return Node("Gemm", "mlp_out", "hidden", "output_weight", "output_bias");
        yield return Node("Squeeze", "m", "mlp_out", "axis_1");

        // raw = global_bias + bu + bp + dot + m, then the clip that prediction (not training) applies.
        yield return Node("Add", "raw_1", "bu", "global_bias");
        yield return Node("Add", "raw_2", "raw_1", "bp");
        yield return Node("Add", "raw_3", "raw_2", "dot");
        yield return Node("Add", "raw", "raw_3", "m");
        yield return Node("Clip", RatingOutput, "raw", "rating_min", "rating_max");
    }

    private static IEnumerable<KeyValuePair<string, string>> Metadata(RatingModelWeights w, string version, DateTimeOffset trainedAt)
    {
        yield return new(KindKey, Kind);
        yield return new(VersionKey, version);
        yield return new(UsersKey, JsonSerializer.Serialize(w.UserIds));
        yield return new(ProductsKey, JsonSerializer.Serialize(w.ProductIds));
        yield return new(FeaturesKey, JsonSerializer.Serialize(w.FeatureNames));
        yield return new(RatingMinKey, w.RatingMin.ToString("R", CultureInfo.InvariantCulture));
        yield return new(RatingMaxKey, w.RatingMax.ToString("R", CultureInfo.InvariantCulture));
        yield return new(TrainedAtKey, trainedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
