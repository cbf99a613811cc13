using Google.Protobuf;
using Onnx;

namespace StreamAnalytics.Inference.Tests;

/// <summary>Changes to a face model's graph signature, to build the off-contract models the loading tests need.</summary>
internal static class FaceOnnxEdits
{
    /// <summary>Declares the graph input with other dimensions (null for the symbolic batch dimension <c>N</c>).</summary>
    public static byte[] WithInputDims(byte[] onnx, string input, params long?[] dims)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var shape = model.Graph.Input.Single(i => i.Name == input).Type.TensorType.Shape;
        shape.Dim.Clear();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is { } value ? new TensorShapeProto.Types.Dimension { DimValue = value } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        }

        return model.ToByteArray();
    }

    /// <summary>Renames a graph output and the node output that produces it.</summary>
    public static byte[] WithOutputRenamed(byte[] onnx, string from, string to)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        model.Graph.Output.Single(o => o.Name == from).Name = to;
        foreach (var node in model.Graph.Node)
        {
            for (var i = 0; i < node.Output.Count; i++)
            {
                if (node.Output[i] == from)
                {
                    node.Output[i] = to;
                }
            }
        }

        return model.ToByteArray();
    }
}
