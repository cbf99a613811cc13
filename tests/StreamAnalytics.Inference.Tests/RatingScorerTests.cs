using System.Diagnostics.Metrics;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Features;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

public sealed class RatingScorerTests
{
    private static readonly RatingModelWeights Weights = RatingWeightsFactory.Random(5, users: 3, products: 4, features: RatingFeatureVector.Count) with
    {
        FeatureNames = RatingFeatureVector.Names,
        FeatureMean = new float[RatingFeatureVector.Count],
        FeatureInvStd = [.. Enumerable.Repeat(0.5f, RatingFeatureVector.Count)],
    };

    private static readonly UserFeaturesView User = new()
    {
        Counts = new Dictionary<string, long> { ["view"] = 12, ["purchase"] = 2 },
        Spend = 80m,
        RatingCount = 3,
        RatingMean = 4.2,
        FirstSeen = DateTimeOffset.UnixEpoch,
        LastSeen = DateTimeOffset.UnixEpoch,
        DistinctProducts = 7,
        TopCategories = [new CategoryCount("Books", 5)],
        Window = new WindowCountsView(1, 2),
        EventsApplied = 17,
        Age = 33,
        Location = "Oslo",
    };

    private static readonly ProductFeaturesView Product = new()
    {
        Counts = new Dictionary<string, long> { ["view"] = 100, ["purchase"] = 9 },
        Revenue = 300m,
        RatingCount = 20,
        RatingMean = 3.1,
        ConversionRate = 0.09,
        UniqueUsers = 60,
        Trending = 4.5,
        EventsApplied = 130,
        Price = 19.99m,
        Category = "Books",
    };

    [Fact]
    public void Without_a_model_nothing_is_scored()
    {
        using var host = new ModelHost<RatingModel>("rating");
        var scorer = new RatingScorer(host, Instruments(host));

        Assert.Null(scorer.Score([new RatingQuery("user-0", User, "product-0", Product)]));
    }

    [Fact]
    public async Task A_batch_scores_as_the_model_predicts_each_pair_from_its_feature_vector()
    {
        using var host = await LoadedHostAsync();
        var scorer = new RatingScorer(host, Instruments(host));
        RatingQuery[] queries =
        [
            new("user-0", User, "product-1", Product),
            new("never-seen", null, "product-2", Product),
            new("user-2", User, "never-seen", null),
        ];

        var scores = scorer.Score(queries)!;

        using var lease = host.Acquire();
        var model = lease.Model;
        for (var i = 0; i < queries.Length; i++)
        {
            var features = RatingFeatureVector.Create(queries[i].User, queries[i].Product);
            var expected = model.Predict([model.UserRow(queries[i].UserId)], [model.ProductRow(queries[i].ProductId)], features, 1)[0];
            Assert.Equal(expected, scores.Ratings[i], 5);
        }

        Assert.Equal("v1", scores.ModelVersion);
    }

    [Fact]
    public async Task Biases_are_added_and_the_sum_clipped_to_the_scale()
    {
        using var host = await LoadedHostAsync();
        var scores = new RatingScorer(host, Instruments(host)).Score([new RatingQuery("user-0", User, "product-0", Product)])!;

        Assert.Equal(Math.Clamp(scores.Ratings[0] + 0.25f - 0.5f, 1f, 5f), scores.WithBiases(0, 0.25f, -0.5f), 5);
        Assert.Equal(5f, scores.WithBiases(0, 10f, 0f));
        Assert.Equal(1f, scores.WithBiases(0, 0f, -10f));
    }

    [Fact]
    public async Task Each_call_counts_its_predictions_by_version()
    {
        using var host = await LoadedHostAsync();
        using var meterFactory = new TestMeterFactory();
        var scorer = new RatingScorer(host, new RatingInstruments(meterFactory, host));
        var counted = new List<(long Value, object? Version)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Name == MeterNames.Predictions)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            counted.Add((value, tags.ToArray().Single(t => t.Key == "model.version").Value)));
        listener.Start();

        scorer.Score([new RatingQuery("user-0", User, "product-0", Product), new RatingQuery("user-1", User, "product-1", Product)]);

        Assert.Equal([(2L, (object?)"v1")], counted);
    }

    private static async Task<ModelHost<RatingModel>> LoadedHostAsync()
    {
        var host = new ModelHost<RatingModel>("rating");
        var result = await host.TrySwapAsync(RatingOnnxExporter.Export(Weights, "v1", DateTimeOffset.UnixEpoch));
        Assert.True(result.Swapped, result.Error?.ToString());
        return host;
    }

    private static RatingInstruments Instruments(ModelHost<RatingModel> host) => new(new TestMeterFactory(), host);
}
