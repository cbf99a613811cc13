using Onnx;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

/// <summary>The exported file itself, read back with OnnxSharp, against the contract's format.</summary>
public sealed class RatingOnnxFileTests
{
    private static readonly RatingModelWeights Weights = RatingWeightsFactory.Random(41, users: 2, products: 3, features: 2) with
    {
        UserIds = ["u1", "u2"],
        ProductIds = ["p1", "p2", "p3"],
        FeatureNames = ["age", "price"],
        RatingMin = 1f,
        RatingMax = 5f,
    };

    private static readonly ModelProto Model = ModelProto.Parser.ParseFrom(
        RatingOnnxExporter.Export(Weights, "v7", new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(-5))));

    [Fact]
    public void The_file_is_ir_8_with_opset_17_of_the_default_domain()
    {
        Assert.Equal(8, Model.IrVersion);
        var opset = Assert.Single(Model.OpsetImport);
        Assert.Equal("", opset.Domain);
        Assert.Equal(17, opset.Version);
    }

    [Fact]
    public void Inputs_and_output_have_the_contract_names_types_and_batch_dimension_n()
    {
        var inputs = Model.Graph.Input.ToDictionary(i => i.Name);
        Assert.Equal(["user_index", "product_index", "features"], Model.Graph.Input.Select(i => i.Name));
        AssertTensor(inputs["user_index"], TensorProto.Types.DataType.Int64, "N");
        AssertTensor(inputs["product_index"], TensorProto.Types.DataType.Int64, "N");
        AssertTensor(inputs["features"], TensorProto.Types.DataType.Float, "N", "2");
        AssertTensor(Assert.Single(Model.Graph.Output), TensorProto.Types.DataType.Float, "N");
        Assert.Equal("rating", Model.Graph.Output[0].Name);
    }

    [Fact]
    public void Weights_are_initializers_not_inputs()
    {
        var initializers = Model.Graph.Initializer.Select(t => t.Name).ToHashSet();

        Assert.Superset(new HashSet<string> { "user_factors", "product_factors", "user_bias", "product_bias", "hidden_weight", "hidden_bias" }, initializers);
        Assert.DoesNotContain(Model.Graph.Input, i => initializers.Contains(i.Name));
    }

    [Fact]
    public void Metadata_carries_the_contract_keys()
    {
        var metadata = Model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("rating", metadata["sa.kind"]);
        Assert.Equal("v7", metadata["sa.version"]);
        Assert.Equal("""["u1","u2"]""", metadata["sa.users"]);
        Assert.Equal("""["p1","p2","p3"]""", metadata["sa.products"]);
        Assert.Equal("""["age","price"]""", metadata["sa.features"]);
        Assert.Equal("1", metadata["sa.ratingMin"]);
        Assert.Equal("5", metadata["sa.ratingMax"]);
        Assert.Equal("2026-12-01T14:30:00.0000000Z", metadata["sa.trainedAt"]);
    }

    private static void AssertTensor(ValueInfoProto value, TensorProto.Types.DataType type, params string[] dims)
    {
        Assert.Equal((int)type, value.Type.TensorType.ElemType);
        Assert.Equal(dims, value.Type.TensorType.Shape.Dim.Select(d => d.HasDimParam ? d.DimParam : d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
