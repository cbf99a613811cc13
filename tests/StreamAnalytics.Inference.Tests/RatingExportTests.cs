using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

public sealed class RatingExportTests
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 30, 17, 45, 12, 250, TimeSpan.FromHours(2));

    [Theory]
    [InlineData(1, 11)]
    [InlineData(64, 12)]
    [InlineData(64, 13)]
    public void Onnx_runtime_output_matches_the_reference_function(int batch, int seed)
    {
        var weights = RatingWeightsFactory.Random(seed);
        using var model = Load(weights);
        var random = new Random(seed);

        // Enough batches that unknown rows (0), the last rows and both sides of the clip all occur.
        var clippedLow = 0;
        var clippedHigh = 0;
        var unknown = 0;
        for (var round = 0; round < 2048 / batch; round++)
        {
            var users = new long[batch];
            var products = new long[batch];
            var features = new float[batch * weights.FeatureCount];
            for (var i = 0; i < batch; i++)
            {
                users[i] = random.Next(weights.UserIds.Count + 1);
                products[i] = random.Next(weights.ProductIds.Count + 1);
            }

            for (var j = 0; j < features.Length; j++)
            {
                var f = j % weights.FeatureCount;
                features[j] = weights.FeatureMean[f] + ((float)random.NextDouble() * 8 - 4) / weights.FeatureInvStd[f];
            }

            var ratings = model.Predict(users, products, features, batch);

            Assert.Equal(batch, ratings.Length);
            for (var i = 0; i < batch; i++)
            {
                var row = features.AsSpan(i * weights.FeatureCount, weights.FeatureCount);
                var raw = RatingReference.Raw(weights, users[i], products[i], row);
                Assert.Equal(RatingReference.Predict(weights, users[i], products[i], row), ratings[i], 1e-4);
                clippedLow += raw < weights.RatingMin ? 1 : 0;
                clippedHigh += raw > weights.RatingMax ? 1 : 0;
                unknown += users[i] == 0 || products[i] == 0 ? 1 : 0;
            }
        }

        Assert.True(clippedLow > 0 && clippedHigh > 0, $"the inputs should hit both clip bounds (low {clippedLow}, high {clippedHigh})");
        Assert.True(unknown > 0, "the inputs should include unknown rows");
    }

    [Fact]
    public void Concurrent_predictions_on_one_model_each_match_the_reference()
    {
        var weights = RatingWeightsFactory.Random(14);
        using var model = Load(weights);

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            var random = new Random(100 + thread);
            for (var round = 0; round < 100; round++)
            {
                var batch = random.Next(1, 33);
                var users = Enumerable.Range(0, batch).Select(_ => (long)random.Next(weights.UserIds.Count + 1)).ToArray();
                var products = Enumerable.Range(0, batch).Select(_ => (long)random.Next(weights.ProductIds.Count + 1)).ToArray();
                var features = Enumerable.Range(0, batch * weights.FeatureCount).Select(_ => (float)(random.NextDouble() * 40)).ToArray();

                var ratings = model.Predict(users, products, features, batch);

                for (var i = 0; i < batch; i++)
                {
                    var row = features.AsSpan(i * weights.FeatureCount, weights.FeatureCount);
                    Assert.Equal(RatingReference.Predict(weights, users[i], products[i], row), ratings[i], 1e-4);
                }
            }
        });
    }

    [Fact]
    public void Metadata_round_trips_through_the_onnx_file()
    {
        var weights = RatingWeightsFactory.Random(1, users: 7, products: 9, features: 4) with { RatingMin = 0.5f, RatingMax = 10.25f };
        using var model = Load(weights, "2026-11-30.3");

        Assert.Equal("2026-11-30.3", model.Version);
        Assert.Equal(TrainedAt, model.TrainedAt);
        Assert.Equal(TimeSpan.Zero, model.TrainedAt.Offset);
        Assert.Equal(weights.FeatureNames, model.FeatureNames);
        Assert.Equal(4, model.FeatureCount);
        Assert.Equal(0.5f, model.RatingMin);
        Assert.Equal(10.25f, model.RatingMax);
        Assert.Equal(7, model.UserCount);
        Assert.Equal(9, model.ProductCount);
        for (var i = 0; i < weights.UserIds.Count; i++)
        {
            Assert.Equal(i + 1, model.UserRow(weights.UserIds[i]));
        }

        for (var i = 0; i < weights.ProductIds.Count; i++)
        {
            Assert.Equal(i + 1, model.ProductRow(weights.ProductIds[i]));
        }
    }

    [Fact]
    public void Unknown_ids_map_to_row_zero()
    {
        using var model = Load(RatingWeightsFactory.Random(2));

        Assert.Equal(0, model.UserRow("never-seen"));
        Assert.Equal(0, model.ProductRow("never-seen"));
        Assert.Equal(0, model.UserRow("product-1"));
    }

    [Fact]
    public void Ids_with_json_special_characters_survive_the_metadata()
    {
        var weights = RatingWeightsFactory.Random(3, users: 2, products: 1) with
        {
            UserIds = ["quote\"d", "ünï\\côdé\n"],
            ProductIds = ["{[,]}"],
        };
        using var model = Load(weights);

        Assert.Equal(1, model.UserRow("quote\"d"));
        Assert.Equal(2, model.UserRow("ünï\\côdé\n"));
        Assert.Equal(1, model.ProductRow("{[,]}"));
    }

    [Fact]
    public void Predicting_an_out_of_range_row_is_rejected_before_onnx_runtime()
    {
        var weights = RatingWeightsFactory.Random(4, users: 3);
        using var model = Load(weights);
        var features = new float[weights.FeatureCount];

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict([4L], [0L], features, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict([-1L], [0L], features, 1));
    }

    [Fact]
    public void A_model_without_side_features_matches_the_reference_function()
    {
        var weights = RatingWeightsFactory.Random(8, features: 0);
        using var model = Load(weights);
        long[] users = [0, 1, 20];
        long[] products = [30, 0, 5];

        var ratings = model.Predict(users, products, [], 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(RatingReference.Predict(weights, users[i], products[i], []), ratings[i], 1e-4);
        }
    }

    [Fact]
    public void An_empty_batch_predicts_nothing()
    {
        using var model = Load(RatingWeightsFactory.Random(5));

        Assert.Empty(model.Predict([], [], [], 0));
    }

    [Theory]
    [InlineData(nameof(RatingModelWeights.UserBias))]
    [InlineData(nameof(RatingModelWeights.ProductFactors))]
    [InlineData(nameof(RatingModelWeights.HiddenWeight))]
    [InlineData(nameof(RatingModelWeights.OutputWeight))]
    [InlineData(nameof(RatingModelWeights.FeatureInvStd))]
    public void Inconsistent_weights_are_rejected_naming_the_field(string field)
    {
        var good = RatingWeightsFactory.Random(6);
        var bad = field switch
        {
            nameof(RatingModelWeights.UserBias) => good with { UserBias = new float[good.UserBias.Length - 1] },
            nameof(RatingModelWeights.ProductFactors) => good with { ProductFactors = new float[good.ProductFactors.Length + 1] },
            nameof(RatingModelWeights.HiddenWeight) => good with { HiddenWeight = new float[good.HiddenWeight.Length - good.Factors] },
            nameof(RatingModelWeights.OutputWeight) => good with { OutputWeight = [] },
            _ => good with { FeatureInvStd = new float[good.FeatureCount + 1] },
        };

        var error = Assert.Throws<ArgumentException>(() => RatingOnnxExporter.Export(bad, "v1", TrainedAt));
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_ids_are_rejected_naming_the_field()
    {
        var weights = RatingWeightsFactory.Random(7, users: 2) with { UserIds = ["same", "same"] };

        var error = Assert.Throws<ArgumentException>(weights.Validate);
        Assert.Equal(nameof(RatingModelWeights.UserIds), error.ParamName);
    }

    internal static RatingModel Load(RatingModelWeights weights, string version = "v1") =>
        new(RatingOnnxExporter.Export(weights, version, TrainedAt), weights.FeatureNames);
}
