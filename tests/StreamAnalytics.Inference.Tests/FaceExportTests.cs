using Onnx;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.ModelExport.Faces;
using Block = StreamAnalytics.Inference.Tests.FaceWeightsFactory.Block;

namespace StreamAnalytics.Inference.Tests;

public sealed class FaceExportTests
{
    private const double Tolerance = 1e-4;
    private static readonly DateTimeOffset TrainedAt = new(2026, 12, 1, 9, 30, 5, 125, TimeSpan.FromHours(-5));

    public static TheoryData<string, int> Architectures => new()
    {
        { "small", 1 },
        { "small", 16 },
        // Pools on odd sizes at every step (112x92 → 56x46 → 28x23 → 14x11 → 7x5 → 3x2) and a 1x1 kernel.
        { "pool-heavy", 3 },
        // Stride 2 twice, no pooling, a 7x7 kernel.
        { "strided", 2 },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Onnx_runtime_output_matches_the_reference_function(string architecture, int batch)
    {
        var weights = FaceWeightsFactory.Random(batch, Architecture(architecture));
        using var model = Load(weights);
        var images = FaceWeightsFactory.Images(batch, seed: 40 + batch);
        var embeddings = new float[batch * model.EmbeddingSize];
        var logits = new float[batch * weights.Identities.Count];

        model.Embed(images, batch, embeddings, logits);

        for (var i = 0; i < batch; i++)
        {
            var (embedding, expectedLogits) = FaceReference.Forward(weights, images.AsSpan(i * FaceModel.PixelsPerImage, FaceModel.PixelsPerImage));
            AssertClose(embedding, embeddings.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize), $"embedding of image {i}");
            AssertClose(expectedLogits, logits.AsSpan(i * expectedLogits.Length, expectedLogits.Length), $"logits of image {i}");
            Assert.Equal(1, Norm(embeddings.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize)), 1e-5);
        }

        // Distinct images must embed differently, or the comparison above only checked the biases.
        if (batch > 1)
        {
            Assert.NotEqual(embeddings[..model.EmbeddingSize], embeddings[model.EmbeddingSize..(2 * model.EmbeddingSize)]);
        }
    }

    [Fact]
    public void Embedding_alone_equals_the_embedding_computed_with_logits()
    {
        var weights = FaceWeightsFactory.Random(2);
        using var model = Load(weights);
        var images = FaceWeightsFactory.Images(4, seed: 2);
        var withLogits = new float[4 * model.EmbeddingSize];

        var alone = model.Embed(images, 4);
        model.Embed(images, 4, withLogits, new float[4 * weights.Identities.Count]);

        Assert.Equal(withLogits, alone);
    }

    [Fact]
    public void An_all_zero_embedding_comes_out_zero_rather_than_nan()
    {
        var weights = FaceWeightsFactory.Random(3) with { EmbeddingWeight = new float[8 * 8], EmbeddingBias = new float[8] };
        using var model = Load(weights);

        var embeddings = model.Embed(FaceWeightsFactory.Images(2, seed: 3), 2);

        Assert.All(embeddings, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Embedding_writes_only_the_batch_rows_of_larger_buffers()
    {
        var weights = FaceWeightsFactory.Random(4);
        using var model = Load(weights);
        var images = FaceWeightsFactory.Images(3, seed: 4);
        var embeddings = Enumerable.Repeat(-7f, 3 * model.EmbeddingSize).ToArray();

        // Three images' worth of pixels, a batch of two: the third image is neither read nor embedded.
        model.Embed(images, 2, embeddings);

        Assert.Equal(model.Embed(images, 2), embeddings[..(2 * model.EmbeddingSize)]);
        Assert.All(embeddings[(2 * model.EmbeddingSize)..], v => Assert.Equal(-7f, v));
    }

    [Fact]
    public void Buffers_shorter_than_the_batch_are_rejected_before_onnx_runtime()
    {
        using var model = Load(FaceWeightsFactory.Random(5));
        var images = FaceWeightsFactory.Images(2, seed: 5);

        Assert.Throws<ArgumentException>("images", () => model.Embed(images.AsSpan(1), 2, new float[2 * model.EmbeddingSize]));
        Assert.Throws<ArgumentException>("embeddings", () => model.Embed(images, 2, new float[(2 * model.EmbeddingSize) - 1]));
        Assert.Throws<ArgumentException>("logits", () => model.Embed(images, 2, new float[2 * model.EmbeddingSize], new float[1]));
    }

    [Fact]
    public void An_empty_batch_embeds_nothing()
    {
        using var model = Load(FaceWeightsFactory.Random(6));

        Assert.Empty(model.Embed([], 0));
    }

    [Fact]
    public async Task Concurrent_embeds_on_one_model_match_the_sequential_result()
    {
        var weights = FaceWeightsFactory.Random(7);
        using var model = Load(weights);
        var batches = Enumerable.Range(0, 8).Select(i => FaceWeightsFactory.Images(1 + (i % 4 * 3), seed: 70 + i)).ToArray();
        var sequential = batches.Select(b => model.Embed(b, b.Length / FaceModel.PixelsPerImage)).ToArray();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            var results = new float[batches.Length][];
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < batches.Length; i++)
                {
                    var b = batches[(i + thread) % batches.Length];
                    results[(i + thread) % batches.Length] = model.Embed(b, b.Length / FaceModel.PixelsPerImage);
                }
            }

            return results;
        })));

        Assert.All(concurrent, results => Assert.Equal(sequential, results));
    }

    [Fact]
    public void Metadata_round_trips_through_the_onnx_file()
    {
        var weights = FaceWeightsFactory.Random(8, embedding: 12, identities: 3) with
        {
            Identities = ["quote\"d", "ünï\\côdé\n", "{[,]}"],
            Threshold = -0.3125f,
        };
        using var model = Load(weights, "2026-12-01.2");

        Assert.Equal("2026-12-01.2", model.Version);
        Assert.Equal(TrainedAt, model.TrainedAt);
        Assert.Equal(TimeSpan.Zero, model.TrainedAt.Offset);
        Assert.Equal(weights.Identities, model.Identities);
        Assert.Equal(-0.3125f, model.Threshold);
        Assert.Equal(12, model.EmbeddingSize);
    }

    [Fact]
    public void The_exported_file_is_ir_8_opset_17_with_a_batch_dimension_named_n()
    {
        var weights = FaceWeightsFactory.Random(9);

        var file = ModelProto.Parser.ParseFrom(Export(weights));

        Assert.Equal(8, file.IrVersion);
        Assert.Equal(17, Assert.Single(file.OpsetImport).Version);
        var input = Assert.Single(file.Graph.Input);
        Assert.Equal(FaceOnnxContract.ImageInput, input.Name);
        Assert.Equal(["N", "1", "112", "92"], Dims(input));
        Assert.Equal([FaceOnnxContract.EmbeddingOutput, FaceOnnxContract.LogitsOutput], file.Graph.Output.Select(o => o.Name));
        Assert.Equal(["N", "8"], Dims(file.Graph.Output[0]));
        Assert.Equal(["N", "5"], Dims(file.Graph.Output[1]));
        Assert.Equal("face", file.MetadataProps.Single(p => p.Key == FaceOnnxContract.KindKey).Value);
        Assert.Equal("112", file.MetadataProps.Single(p => p.Key == FaceOnnxContract.InputHeightKey).Value);
        Assert.Equal("92", file.MetadataProps.Single(p => p.Key == FaceOnnxContract.InputWidthKey).Value);
    }

    internal static byte[] Export(FaceModelWeights weights, string version = "v1") => FaceOnnxExporter.Export(weights, version, TrainedAt);

    internal static FaceModel Load(FaceModelWeights weights, string version = "v1") => new(Export(weights, version));

    private static IReadOnlyList<Block> Architecture(string name) => name switch
    {
        "small" => FaceWeightsFactory.Small,
        "pool-heavy" => [new(3, 3, 1, true), new(4, 1, 1, true), new(5, 3, 1, true), new(6, 3, 1, true), new(4, 3, 1, true)],
        "strided" => [new(4, 7, 2, false), new(6, 3, 2, false), new(8, 3, 1, false)],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static string[] Dims(ValueInfoProto value) =>
        [.. value.Type.TensorType.Shape.Dim.Select(d => d.HasDimParam ? d.DimParam : d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static double Norm(ReadOnlySpan<float> row)
    {
        double sum = 0;
        foreach (var v in row)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum);
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        Assert.True(worst <= Tolerance, $"{what}: max abs diff {worst:E2} exceeds {Tolerance:E0}");
    }
}
