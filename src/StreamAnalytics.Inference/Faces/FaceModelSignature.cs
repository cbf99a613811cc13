using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static StreamAnalytics.Inference.Faces.FaceModelContract;

namespace StreamAnalytics.Inference.Faces;

/// <summary>Checks a session's input and outputs against the face contract and reads E and K from the output shapes.</summary>
internal static class FaceModelSignature
{
    /// <summary>E, the embedding width, and K, the number of logits.</summary>
    /// <exception cref="ModelLoadException">A name, element type, rank or fixed size differs from the contract.</exception>
    public static (int EmbeddingSize, int ClassCount) Check(InferenceSession session)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw Wrong($"the graph has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputMetadata.Keys)}), expected 1.");
        }

        var image = Expect(session.InputMetadata, "input", ImageInput, rank: 4);
        int[] expected = [-1, InputChannels, InputHeight, InputWidth];
        if (!image.Dimensions.AsSpan().SequenceEqual(expected))
        {
            throw Wrong($"input '{ImageInput}' has shape {Shape(image.Dimensions)}, expected [N, {InputChannels}, {InputHeight}, {InputWidth}].");
        }

        var embedding = Expect(session.OutputMetadata, "output", EmbeddingOutput, rank: 2);
        var logits = Expect(session.OutputMetadata, "output", LogitsOutput, rank: 2);
        return (Width(embedding, EmbeddingOutput), Width(logits, LogitsOutput));
    }

    private static NodeMetadata Expect(IReadOnlyDictionary<string, NodeMetadata> nodes, string role, string name, int rank)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw Wrong($"the graph has no {role} '{name}' (it has {string.Join(", ", nodes.Keys)}).");
        }

        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            throw Wrong($"{role} '{name}' is {(node.IsTensor ? node.ElementDataType.ToString() : node.OnnxValueType.ToString())}, expected a Float tensor.");
        }

        if (node.Dimensions.Length != rank)
        {
            throw Wrong($"{role} '{name}' has rank {node.Dimensions.Length}, expected {rank}.");
        }

        // A fixed batch size would fail every batch but that one at Run time instead of here.
        return node.Dimensions[0] < 0 ? node : throw Wrong($"{role} '{name}' has a fixed batch dimension ({Shape(node.Dimensions)}), expected N.");
    }

    private static int Width(NodeMetadata node, string name) =>
        node.Dimensions[1] >= 1 ? node.Dimensions[1] : throw Wrong($"output '{name}' has no fixed width (shape {Shape(node.Dimensions)}).");

    private static string Shape(int[] dimensions) => $"[{string.Join(", ", dimensions.Select(d => d < 0 ? "N" : d.ToString(CultureInfo.InvariantCulture)))}]";

    private static ModelLoadException Wrong(string message) => new(ModelLoadFailure.WrongSignature, message);
}
