using Google.Protobuf;
using Onnx;

namespace StreamAnalytics.ModelExport.Onnx;

/// <summary>Wraps a graph into a model of the versions every exporter here targets, with string metadata.</summary>
internal static class OnnxModels
{
    /// <summary>IR version 8: understood by every ONNX Runtime since 1.10.</summary>
    public const long IrVersion = 8;

    /// <summary>Opset 17 of the default domain (ReduceSum and Squeeze take their axes as inputs, Clip its bounds).</summary>
    public const long Opset = 17;

    /// <summary>The producer name written into every exported model.</summary>
    public const string ProducerName = "StreamAnalytics.ModelExport";

    /// <summary>The serialized model.</summary>
    public static byte[] Serialize(GraphProto graph, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model.ToByteArray();
    }
}
