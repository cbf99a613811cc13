using System.Globalization;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Ratings;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Streaming.Kafka.Embedded;
using StreamAnalytics.Training.Rating.Data;
using SyntheticFeedOptions = StreamAnalytics.Synthetic.SyntheticFeedOptions;
using SyntheticInteractionFeed = StreamAnalytics.Synthetic.SyntheticInteractionFeed;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// One rating prediction at a time, on three paths over the same user-product pairs, after a silo has applied
/// synthetic interactions so users and products have features:
/// raw ONNX Runtime (<c>RatingModel.Predict</c> at batch 1 on the feature vectors the grain would build, precomputed),
/// <c>IUserGrain.PredictRating</c> from the silo's own client (user grain → product grain for the freshest product
/// features → scorer → ONNX Runtime), and the HTTP route over loopback (Kestrel → the same grain call → JSON).
/// Each path is warmed up, then timed call by call; the ratios to raw ONNX Runtime are what compares between runs.
/// </summary>
internal static class PredictBenchmark
{
    // Distinct pairs the calls cycle through: enough to touch many grains, few enough that every pair recurs.
    private const int MaxPairs = 1_000;
    private const int MaxWarmup = 1_000;
    private static readonly TimeSpan FeedTimeout = TimeSpan.FromMinutes(5);

    public static async Task<PredictResult> RunAsync(PredictBenchmarkSettings settings, TextWriter log, CancellationToken cancellation)
    {
        // The synthetic feed's defaults (2,000 users, 500 products, seed 42) for both the model and the grains, so the
        // ids the grains see are rows of the model, as when a silo serves a model trained on its own history.
        var feedOptions = new SyntheticFeedOptions();
        await log.WriteLineAsync($"training a rating model on {settings.Ratings:N0} synthetic ratings ({feedOptions.Users:N0} users, {feedOptions.Products:N0} products) ...");
        var (onnx, trainSeconds) = await Task.Run(() => Train(feedOptions, settings.Ratings, log), cancellation);

        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(TopicNames.Interactions, 8);
        broker.CreateTopic(TopicNames.InteractionsDeadLetter, 1);
        using var applied = new AppliedListener(clockStartsAt: 0);
        await using var host = await PredictBenchHost.StartAsync(broker.BootstrapServers, cancellation);
        var swap = await host.Models.TrySwapAsync(onnx, cancellation);
        if (!swap.Swapped)
        {
            throw new InvalidOperationException($"The trained model did not load: {swap.Reason}");
        }

        var pairs = await FeedAsync(broker.BootstrapServers, feedOptions, settings.Events, applied, log, cancellation);
        var warmup = Math.Min(settings.Calls, MaxWarmup);

        await log.WriteLineAsync($"raw ONNX Runtime: {warmup:N0} warm-up and {settings.Calls:N0} timed calls at batch 1 over {pairs.Count:N0} pairs ...");
        var onnxLatencies = await TimeOnnxAsync(host, pairs, warmup, settings.Calls);
        await log.WriteLineAsync(Describe("onnx", onnxLatencies));

        await log.WriteLineAsync("grain: IUserGrain.PredictRating from the silo's client ...");
        var grainLatencies = await CallLatencies.TimeAsync(warmup, settings.Calls, async i =>
        {
            var (user, product) = pairs[i % pairs.Count];
            _ = await host.Grains.GetGrain<IUserGrain>(user).PredictRating(product)
                ?? throw new InvalidOperationException("The grain answered no prediction: no model is loaded.");
        });
        await log.WriteLineAsync(Describe("grain", grainLatencies));

        await log.WriteLineAsync($"api: GET {BenchPredictionRoute.Template} on {host.BaseAddress} ...");
        var apiLatencies = await TimeApiAsync(host.BaseAddress, pairs, warmup, settings.Calls, cancellation);
        await log.WriteLineAsync(Describe("api", apiLatencies));

        return new PredictResult(
            settings.Calls, pairs.Count, settings.Events, swap.Version!,
            Ms(onnxLatencies.P50Ms), Ms(onnxLatencies.P99Ms), Math.Round(onnxLatencies.CallsPerSecond),
            Ms(grainLatencies.P50Ms), Ms(grainLatencies.P99Ms), Math.Round(grainLatencies.CallsPerSecond),
            Ms(apiLatencies.P50Ms), Ms(apiLatencies.P99Ms), Math.Round(apiLatencies.CallsPerSecond),
            Ratio(grainLatencies.P50Ms, onnxLatencies.P50Ms), Ratio(grainLatencies.P99Ms, onnxLatencies.P99Ms),
            Ratio(apiLatencies.P50Ms, onnxLatencies.P50Ms), Ratio(apiLatencies.P99Ms, onnxLatencies.P99Ms),
            Math.Round(trainSeconds, 1), Environment.ProcessorCount);
    }

    private static (byte[] Onnx, double Seconds) Train(SyntheticFeedOptions feed, int ratings, TextWriter log)
    {
        var (weights, seconds) = RatingBenchModel.Train(feed, ratings, log);
        var trainedAt = DateTimeOffset.UtcNow;
        return (RatingOnnxExporter.Export(weights, "bench-" + trainedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), trainedAt), seconds);
    }

    // Writes the feed's first events into Kafka, waits until the grains applied each to its user and its product, and
    // returns the first distinct user-product pairs of the feed: pairs whose user and product both have features.
    private static async Task<List<(string User, string Product)>> FeedAsync(
        string bootstrap, SyntheticFeedOptions options, int events, AppliedListener applied, TextWriter log, CancellationToken cancellation)
    {
        var records = new SyntheticInteractionFeed(options, SyntheticRatingDataset.DefaultStart).Records().Take(events).ToList();
        var pairs = SyntheticPairs.Of(records, MaxPairs);
        await log.WriteLineAsync($"feeding {events:N0} synthetic interactions through the embedded broker into the grains ...");
        BenchProducer.ProduceInteractions(bootstrap, records.Select(r => (r.Key, r.Json)));
        var deadline = DateTime.UtcNow + FeedTimeout;
        while (applied.Total < 2L * events)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Only {applied.Total / 2:N0} of {events:N0} events reached the features within {FeedTimeout}.");
            }

            await Task.Delay(50, cancellation);
        }

        // The grains' predictions and online learning run after the features are stored: let them finish, so the
        // timed calls do not queue behind the feed.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        return pairs;
    }

    // The inputs the grain builds for each pair (the user's and the product's current features, the model's rows),
    // computed once; only RatingModel.Predict is timed, on the same session the grains use.
    private static async Task<CallLatencies> TimeOnnxAsync(PredictBenchHost host, List<(string User, string Product)> pairs, int warmup, int calls)
    {
        using var lease = host.Models.Acquire();
        var model = lease.Model;
        var width = model.FeatureCount;
        var users = new long[pairs.Count];
        var products = new long[pairs.Count];
        var features = new float[pairs.Count * width];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (user, product) = pairs[k];
            var userView = await host.Grains.GetGrain<IUserGrain>(user).GetFeatures();
            var productContext = await host.Grains.GetGrain<IProductGrain>(product).GetRatingContext();
            users[k] = model.UserRow(user);
            products[k] = model.ProductRow(product);
            RatingFeatureVector.Build(userView, productContext.Features, features.AsSpan(k * width, width));
        }

        var rating = new float[1];
        return CallLatencies.Time(warmup, calls, i =>
        {
            var k = i % pairs.Count;
            model.Predict(users.AsSpan(k, 1), products.AsSpan(k, 1), features.AsSpan(k * width, width), rating);
        });
    }

    private static async Task<CallLatencies> TimeApiAsync(Uri baseAddress, List<(string User, string Product)> pairs, int warmup, int calls, CancellationToken cancellation)
    {
        // One client, one kept-alive connection: what a service calling the API in a loop would do.
        using var client = new HttpClient { BaseAddress = baseAddress };
        var paths = pairs.Select(p => BenchPredictionRoute.PathFor(p.User, p.Product)).ToArray();
        return await CallLatencies.TimeAsync(warmup, calls, async i =>
        {
            using var response = await client.GetAsync(paths[i % paths.Length], cancellation);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync(cancellation);
        });
    }

    private static string Describe(string path, CallLatencies latencies) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: p50 {latencies.P50Ms:F4} ms, p99 {latencies.P99Ms:F4} ms, {latencies.CallsPerSecond:N0} calls/s");

    private static double Ms(double milliseconds) => Math.Round(milliseconds, 4);

    private static double Ratio(double path, double onnx) => Math.Round(path / onnx, 2);
}
