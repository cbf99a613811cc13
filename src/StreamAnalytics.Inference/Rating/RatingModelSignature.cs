using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static StreamAnalytics.Inference.Rating.RatingModelContract;

namespace StreamAnalytics.Inference.Rating;

/// <summary>Checks a session's inputs and output against the rating contract and reads F from the features shape.</summary>
internal static class RatingModelSignature
{
    /// <summary>The feature count F, the fixed second dimension of <c>features</c>.</summary>
    /// <exception cref="ModelLoadException">A name, element type or rank differs from the contract.</exception>
    public static int Check(InferenceSession session)
    {
        Expect(session.InputMetadata, "input", UserIndexInput, TensorElementType.Int64, rank: 1);
        Expect(session.InputMetadata, "input", ProductIndexInput, TensorElementType.Int64, rank: 1);
        var features = Expect(session.InputMetadata, "input", FeaturesInput, TensorElementType.Float, rank: 2);
        Expect(session.OutputMetadata, "output", RatingOutput, TensorElementType.Float, rank: 1);
        if (session.InputMetadata.Count != 3)
        {
            throw Wrong($"the graph has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys)}), expected 3.");
        }

        var f = features.Dimensions[1];
        return f >= 0 ? f : throw Wrong($"input {FeaturesInput} has no fixed feature dimension (shape [{string.Join(", ", features.Dimensions)}]).");
    }

    private static NodeMetadata Expect(
        IReadOnlyDictionary<string, NodeMetadata> nodes, string role, string name, TensorElementType type, int rank)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw Wrong($"the graph has no {role} '{name}' (it has {string.Join(", ", nodes.Keys)}).");
        }

        if (!node.IsTensor || node.ElementDataType != type)
        {
            throw Wrong($"{role} '{name}' is {(node.IsTensor ? node.ElementDataType.ToString() : node.OnnxValueType.ToString())}, expected a {type} tensor.");
        }

        if (node.Dimensions.Length != rank)
        {
            throw Wrong($"{role} '{name}' has rank {node.Dimensions.Length}, expected {rank}.");
        }

        return node;
    }

    private static ModelLoadException Wrong(string message) => new(ModelLoadFailure.WrongSignature, message);
}
