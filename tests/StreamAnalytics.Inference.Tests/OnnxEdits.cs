using Google.Protobuf;
using Onnx;

namespace StreamAnalytics.Inference.Tests;

/// <summary>Changes to exported model bytes, to build the broken models the loading tests need.</summary>
internal static class OnnxEdits
{
    public static byte[] WithMetadata(byte[] onnx, string key, string value)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        var entry = model.MetadataProps.Single(p => p.Key == key);
        entry.Value = value;
        return model.ToByteArray();
    }

    public static byte[] WithoutMetadata(byte[] onnx, string key)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        model.MetadataProps.Remove(model.MetadataProps.Single(p => p.Key == key));
        return model.ToByteArray();
    }

    public static byte[] WithInputRenamed(byte[] onnx, string from, string to)
    {
        var model = ModelProto.Parser.ParseFrom(onnx);
        model.Graph.Input.Single(i => i.Name == from).Name = to;
        foreach (var node in model.Graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == from)
                {
                    node.Input[i] = to;
                }
            }
        }

        return model.ToByteArray();
    }
}
