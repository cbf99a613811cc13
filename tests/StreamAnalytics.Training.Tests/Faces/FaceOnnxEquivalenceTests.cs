using StreamAnalytics.Inference.Faces;
using StreamAnalytics.ModelExport.Faces;
using StreamAnalytics.Training.Faces;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Tests.Faces;

/// <summary>
/// The exported face model is the trained one: ONNX Runtime (what serving runs) against the TorchSharp network in
/// eval mode, on ORL images, for both outputs: the embeddings and the logits (batch norm folded by the export).
/// </summary>
[Collection(TrainingGroup.Name)]
public sealed class FaceOnnxEquivalenceTests(OrlFaceFixture orl) : IClassFixture<OrlFaceFixture>
{
    [Fact]
    public void Onnx_runtime_embeds_and_scores_what_the_torchsharp_network_does_within_1e_4()
    {
        var options = new FaceTrainingOptions
        {
            Blocks = [new FaceBlockSpec(8, 5, 2, true), new FaceBlockSpec(16, 3, 1, true), new FaceBlockSpec(24, 3, 1, false)],
            EmbeddingSize = 16,
            Epochs = 2,
            WarmupEpochs = 0,
            BatchSize = 16,
        };
        using var trained = new FaceTrainer(options).Train(orl.Dataset, [.. Enumerable.Range(0, 80)]);
        const int count = 12;
        var pixels = orl.Dataset.Images.Skip(100).Take(count).SelectMany(i => i).ToArray();
        float[] torchEmbeddings;
        float[] torchLogits;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var images = tensor(pixels, [count, 1, FaceModel.ImageHeight, FaceModel.ImageWidth]);
            var embeddings = trained.Network.forward(images);
            torchEmbeddings = embeddings.data<float>().ToArray();
            torchLogits = trained.Network.Logits(embeddings).data<float>().ToArray();
        }

        var weights = trained.Network.ToWeights(trained.Identities, 0.5f);
        using var model = new FaceModel(FaceOnnxExporter.Export(weights, "equivalence", DateTimeOffset.UnixEpoch));
        var onnxEmbeddings = new float[count * model.EmbeddingSize];
        var onnxLogits = new float[count * weights.Identities.Count];
        model.Embed(pixels, count, onnxEmbeddings, onnxLogits);

        Assert.Equal(torchEmbeddings.Length, onnxEmbeddings.Length);
        Assert.Equal(torchLogits.Length, onnxLogits.Length);
        var embeddingDifference = torchEmbeddings.Zip(onnxEmbeddings, (a, b) => Math.Abs(a - b)).Max();
        var logitDifference = torchLogits.Zip(onnxLogits, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(embeddingDifference <= 1e-4f, $"max |torch - onnx| embedding = {embeddingDifference}");
        Assert.True(logitDifference <= 1e-4f, $"max |torch - onnx| logit = {logitDifference}");
    }
}
