using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace StreamAnalytics.ModelExport.Onnx;

/// <summary>Builds constant tensors (graph initializers) from plain arrays.</summary>
internal static class OnnxTensors
{
    /// <summary>A float tensor of shape <paramref name="dims"/> (empty for a scalar), values row-major.</summary>
    public static TensorProto Float(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = Create(name, TensorProto.Types.DataType.Float, values.Length, dims);
        tensor.RawData = LittleEndian(values);
        return tensor;
    }

    /// <summary>A float scalar (shape []).</summary>
    public static TensorProto FloatScalar(string name, float value) => Float(name, [value]);

    /// <summary>An int64 tensor of shape <paramref name="dims"/>, values row-major.</summary>
    public static TensorProto Int64(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        var tensor = Create(name, TensorProto.Types.DataType.Int64, values.Length, dims);
        tensor.Int64Data.Add(values.ToArray());
        return tensor;
    }

    // raw_data (little-endian by the ONNX spec) rather than float_data: embedding tables run to millions of values,
    // and raw bytes are one copy on the way out and on ONNX Runtime's way in.
    private static ByteString LittleEndian(ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            return ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        }

        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return ByteString.CopyFrom(bytes);
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
