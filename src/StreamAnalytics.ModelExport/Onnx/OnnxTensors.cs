using Onnx;

namespace StreamAnalytics.ModelExport.Onnx;

/// <summary>Builds constant tensors (graph initializers) from plain arrays.</summary>
internal static class OnnxTensors
{
    /// <summary>A float tensor of shape <paramref name="dims"/> (empty for a scalar), values row-major.</summary>
    public static TensorProto Float(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = Create(name, TensorProto.Types.DataType.Float, values.Length, dims);
        // float_data rather than raw_data: the values are written little-endian by protobuf whatever the host's order.
        foreach (var v in values)
        {
            tensor.FloatData.Add(v);
        }

        return tensor;
    }

    /// <summary>A float scalar (shape []).</summary>
    public static TensorProto FloatScalar(string name, float value) => Float(name, [value]);

    /// <summary>An int64 tensor of shape <paramref name="dims"/>, values row-major.</summary>
    public static TensorProto Int64(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        var tensor = Create(name, TensorProto.Types.DataType.Int64, values.Length, dims);
        foreach (var v in values)
        {
            tensor.Int64Data.Add(v);
        }

        return tensor;
    }

    private static TensorProto Create(string name, TensorProto.Types.DataType type, int count, long[] dims)
    {
        long expected = 1;
        foreach (var d in dims)
        {
            expected *= d;
        }

        if (expected != count)
        {
            throw new ArgumentException($"Tensor '{name}' has {count} values but its shape [{string.Join(", ", dims)}] holds {expected}.", nameof(dims));
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.Add(dims);
        return tensor;
    }
}
