using Onnx;

namespace StreamAnalytics.ModelExport.Onnx;

/// <summary>Builds operator nodes of the default ONNX domain and their attributes.</summary>
internal static class OnnxNodes
{
    /// <summary>A node running <paramref name="opType"/> on named inputs; the node is named after its first output.</summary>
    public static NodeProto Node(string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = outputs[0] };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        node.Attribute.Add(attributes);
        return node;
    }

    /// <summary>A node with one input list and a single output.</summary>
    public static NodeProto Node(string opType, string output, params string[] inputs) => Node(opType, inputs, [output]);

    /// <summary>An integer attribute (axis, keepdims, transB, ...).</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An integer list attribute (kernel_shape, pads, strides, axes, ...).</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        return attribute;
    }

    /// <summary>A float attribute (alpha, beta, epsilon, ...).</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
