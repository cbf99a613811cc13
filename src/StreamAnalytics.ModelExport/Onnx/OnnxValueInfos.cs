using Onnx;

namespace StreamAnalytics.ModelExport.Onnx;

/// <summary>Builds the typed descriptions of graph inputs and outputs.</summary>
internal static class OnnxValueInfos
{
    /// <summary>A tensor of <paramref name="elementType"/> with the given dimensions.</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType elementType, params OnnxDim[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            var d = new TensorShapeProto.Types.Dimension();
            if (dim.Param is null)
            {
                d.DimValue = dim.Value;
            }
            else
            {
                d.DimParam = dim.Param;
            }

            shape.Dim.Add(d);
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape },
            },
        };
    }
}
