using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Training.Tests;

/// <summary>
/// The exported model is the trained one: ONNX Runtime (what serving runs) against TorchSharp's own forward pass on
/// the trained network, over known and unknown rows and feature values far outside the training range.
/// </summary>
[Collection(TrainingGroup.Name)]
public sealed class RatingOnnxEquivalenceTests(SyntheticModelFixture model)
{
    [Fact]
    public void Onnx_runtime_predicts_what_the_torchsharp_network_predicts_within_1e_4()
    {
        var data = model.Test;
        const int count = 256;
        var users = new long[count];
        var products = new long[count];
        var features = new float[count * data.FeatureCount];
        var random = new Random(3);
        for (var i = 0; i < count; i++)
        {
            // Every eighth row is the unknown user or product; some feature rows are scaled far beyond training.
            users[i] = i % 8 == 0 ? 0 : data.UserIndex[i];
            products[i] = i % 8 == 1 ? 0 : data.ProductIndex[i];
            var scale = i % 16 == 2 ? 100f : 1f;
            for (var j = 0; j < data.FeatureCount; j++)
            {
                features[(i * data.FeatureCount) + j] = i % 16 == 3 ? (float)(random.NextDouble() * 2 - 1) * 50f : data.Features[(i * data.FeatureCount) + j] * scale;
            }
        }

        var torch = model.Result.Network.Predict(users, products, features);
        using var onnx = new RatingModel(RatingOnnxExporter.Export(model.Result.ToWeights(), "equivalence", DateTimeOffset.UnixEpoch), model.FeatureNames);
        var served = onnx.Predict(users, products, features, count);

        var maxDifference = torch.Zip(served, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDifference <= 1e-4f, $"max |torch - onnx| = {maxDifference}");
    }
}
