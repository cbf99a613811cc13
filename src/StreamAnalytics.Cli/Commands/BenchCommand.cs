using System.CommandLine;
using System.Text.Json;
using StreamAnalytics.Cli.Bench;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Cli.Commands;

/// <summary><c>sa bench</c>: benchmarks, each beside a baseline measured in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var records = new Option<int>("--records") { Description = "Records to ingest.", DefaultValueFactory = _ => 200_000 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of the benchmark topic.", DefaultValueFactory = _ => 8 };
        var keys = new Option<int>("--keys") { Description = "Distinct stream keys (user ids).", DefaultValueFactory = _ => 1_000 };
        var pollBatch = new Option<int>("--poll-batch") { Description = "Records the provider reads per poll of a partition.", DefaultValueFactory = _ => new KafkaStreamOptions().PollBatchSize };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var ingest = new Command("ingest", "Records per second from the embedded broker through the Kafka stream provider into counting grains, beside a plain Confluent consumer loop counting the same records.")
        {
            records,
            partitions,
            keys,
            pollBatch,
            json,
        };
        ingest.SetAction(async (parse, cancellation) =>
        {
            var settings = new IngestBenchmarkSettings(parse.GetValue(records), parse.GetValue(partitions), parse.GetValue(keys), parse.GetValue(pollBatch));
            if (settings.Validate() is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var result = await IngestBenchmark.RunAsync(settings, parse.GetValue(json) ? Console.Error : Console.Out, cancellation);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, IngestResultJson.Default.IngestResult));
            }
            else
            {
                Console.WriteLine($"provider {result.ProviderRate:N0} records/s, baseline {result.BaselineRate:N0} records/s, ratio {result.Ratio:F2}");
            }

            return 0;
        });

        var events = new Option<int>("--events") { Description = "Interaction events to ingest.", DefaultValueFactory = _ => 100_000 };
        var warmup = new Option<int>("--warmup") { Description = "Events (same users and products, another seed) processed first and not counted, by both sides: 0 measures a cold silo.", DefaultValueFactory = _ => 50_000 };
        var featuresJson = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var featuresPollBatch = new Option<int>("--poll-batch") { Description = "The provider's PollBatchSize.", DefaultValueFactory = _ => new KafkaStreamOptions().PollBatchSize };
        var cacheSize = new Option<int>("--cache-size") { Description = "The provider's CacheSize (containers per partition).", DefaultValueFactory = _ => new KafkaStreamOptions().CacheSize };
        var features = new Command("features", "Events per second from Kafka into the real user and product grains, beside a consumer loop doing the same aggregation; then event→feature latency at half that rate.")
        {
            events,
            warmup,
            featuresPollBatch,
            cacheSize,
            featuresJson,
        };
        features.SetAction(async (parse, cancellation) =>
        {
            var count = parse.GetValue(events);
            var warmupCount = parse.GetValue(warmup);
            if (count < 1_000 || warmupCount < 0 || count + warmupCount > 200_000)
            {
                await Console.Error.WriteLineAsync("--events must be at least 1000, --warmup at least 0, and together at most 200000 (the embedded broker keeps about 5 MB per partition).");
                return 2;
            }

            if (KafkaStreamOptionsValidator.Validate(new KafkaStreamOptions
            {
                BootstrapServers = "-",
                PollBatchSize = parse.GetValue(featuresPollBatch),
                CacheSize = parse.GetValue(cacheSize),
                Topics = { ["t"] = new KafkaTopicOptions() },
            }) is [var invalid, ..])
            {
                await Console.Error.WriteLineAsync(invalid);
                return 2;
            }

            var asJson = parse.GetValue(featuresJson);
            var result = await FeaturesBenchmark.RunAsync(count, warmupCount, parse.GetValue(featuresPollBatch), parse.GetValue(cacheSize), asJson ? Console.Error : Console.Out, cancellation);
            Console.WriteLine(asJson
                ? JsonSerializer.Serialize(result, FeaturesResultJson.Default.FeaturesResult)
                : $"features {result.EventsPerSecond:N0} events/s, baseline {result.BaselineEventsPerSecond:N0} events/s, ratio {result.Ratio:F2}; at {result.LatencyRate:N0}/s p50 {result.LatencyP50Ms} ms, p99 {result.LatencyP99Ms} ms");
            return 0;
        });

        return new Command("bench", "Benchmarks with their baselines.") { ingest, features, CreatePredict(), CreateFaces(), CreateSwap() };
    }

    private static Command CreatePredict()
    {
        var calls = new Option<int>("--calls") { Description = "Timed predictions per path (ONNX Runtime, grain, API).", DefaultValueFactory = _ => PredictBenchmarkSettings.DefaultCalls };
        var events = new Option<int>("--events") { Description = "Synthetic interactions the grains apply first, so users and products have features.", DefaultValueFactory = _ => PredictBenchmarkSettings.DefaultEvents };
        var ratings = new Option<int>("--ratings") { Description = "Synthetic ratings the model is trained on.", DefaultValueFactory = _ => PredictBenchmarkSettings.DefaultRatings };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var predict = new Command("predict", "Rating prediction latency (p50/p99), one call at a time: through the HTTP API and a direct grain call, beside raw ONNX Runtime at batch 1 on the same inputs.")
        {
            calls,
            events,
            ratings,
            json,
        };
        predict.SetAction(async (parse, cancellation) =>
        {
            var settings = new PredictBenchmarkSettings(parse.GetValue(calls), parse.GetValue(events), parse.GetValue(ratings));
            if (settings.Validate() is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var asJson = parse.GetValue(json);
            var result = await PredictBenchmark.RunAsync(settings, asJson ? Console.Error : Console.Out, cancellation);
            Console.WriteLine(asJson
                ? JsonSerializer.Serialize(result, PredictResultJson.Default.PredictResult)
                : $"onnx p50 {result.OnnxP50Ms} ms p99 {result.OnnxP99Ms} ms; grain p50 {result.GrainP50Ms} ms p99 {result.GrainP99Ms} ms ({result.GrainOverOnnxP50:F1}x onnx at p50); "
                  + $"api p50 {result.ApiP50Ms} ms p99 {result.ApiP99Ms} ms ({result.ApiOverOnnxP50:F1}x)");
            return 0;
        });
        return predict;
    }

    private static Command CreateSwap()
    {
        var silos = new Option<int>("--silos") { Description = "Worker silos in the in-process cluster.", DefaultValueFactory = _ => SwapBenchmarkSettings.DefaultSilos };
        var swaps = new Option<int>("--swaps") { Description = "Swaps of each model kind.", DefaultValueFactory = _ => SwapBenchmarkSettings.DefaultSwaps };
        var steadySeconds = new Option<double>("--steady-seconds") { Description = "Seconds of steady-state load timed before the swaps.", DefaultValueFactory = _ => SwapBenchmarkSettings.DefaultSteadySeconds };
        var predictionRate = new Option<double>("--prediction-rate") { Description = "Rating predictions offered per second.", DefaultValueFactory = _ => SwapBenchmarkSettings.DefaultPredictionRate };
        var frameRate = new Option<double>("--frame-rate") { Description = "Camera frames offered per second.", DefaultValueFactory = _ => SwapBenchmarkSettings.DefaultFrameRate };
        var ratings = new Option<int>("--ratings") { Description = "Synthetic ratings the rating model is trained on.", DefaultValueFactory = _ => SwapBenchmarkSettings.DefaultRatings };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var swap = new Command("swap", "Prediction and identification latency while the registry swaps both models across a cluster of silos, beside steady state, and the time from activation until every silo serves a version.")
        {
            silos,
            swaps,
            steadySeconds,
            predictionRate,
            frameRate,
            ratings,
            json,
        };
        swap.SetAction(async (parse, cancellation) =>
        {
            var settings = new SwapBenchmarkSettings(
                parse.GetValue(silos), parse.GetValue(swaps), parse.GetValue(steadySeconds), parse.GetValue(predictionRate), parse.GetValue(frameRate), parse.GetValue(ratings));
            if (settings.Validate() is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var asJson = parse.GetValue(json);
            var result = await SwapBenchmark.RunAsync(settings, asJson ? Console.Error : Console.Out, cancellation);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(result, SwapResultJson.Default.SwapResult));
            }
            else
            {
                SwapResultText.Write(result, Console.Out);
            }

            // Benchmarks report; tests assert: a missed floor is printed, not an exit code.
            return 0;
        });
        return swap;
    }

    private static Command CreateFaces()
    {
        var frames = new Option<int>("--frames") { Description = "Timed images per path.", DefaultValueFactory = _ => FacesBenchmarkSettings.DefaultFrames };
        var cameras = new Option<int>("--cameras") { Description = "Concurrent cameras on the grain paths, each awaiting its frame before sending the next.", DefaultValueFactory = _ => FacesBenchmarkSettings.DefaultCameras };
        var model = new Option<string?>("--model") { Description = "An exported face model (.onnx); default: an untrained network of the production architecture (same compute)." };
        var seedSeconds = new Option<double>("--seed-seconds") { Description = "Seconds to time the seed-size network at batch 1; 0 skips it.", DefaultValueFactory = _ => FacesBenchmarkSettings.DefaultSeedSeconds };
        var maxBatch = new Option<int>("--max-batch") { Description = "The batched paths' largest batch (raw ONNX Runtime's batch and the batcher's MaxBatchSize).", DefaultValueFactory = _ => new FaceServingOptions().Batching.MaxBatchSize };
        var concurrentBatches = new Option<int>("--concurrent-batches") { Description = "Model runs at once on every path: the batcher's MaxConcurrentBatches, and concurrent callers of raw ONNX Runtime.", DefaultValueFactory = _ => new FaceServingOptions().Batching.MaxConcurrentBatches };
        var noPublish = new Option<bool>("--no-publish") { Description = "Drop identifications instead of publishing them to the embedded broker." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var faces = new Command("faces", "Face images per second and latency through camera grains with many concurrent cameras, beside raw ONNX Runtime on the same model, batched and unbatched; plus the seed-size network at batch 1.")
        {
            frames,
            cameras,
            model,
            seedSeconds,
            maxBatch,
            concurrentBatches,
            noPublish,
            json,
        };
        faces.SetAction(async (parse, cancellation) =>
        {
            var settings = new FacesBenchmarkSettings(
                parse.GetValue(frames), parse.GetValue(cameras), parse.GetValue(model), parse.GetValue(seedSeconds), parse.GetValue(maxBatch), parse.GetValue(concurrentBatches), !parse.GetValue(noPublish));
            if (settings.Validate() is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var asJson = parse.GetValue(json);
            var result = await FacesBenchmark.RunAsync(settings, asJson ? Console.Error : Console.Out, cancellation);
            if (asJson)
            {
                Console.WriteLine(JsonSerializer.Serialize(result, FacesResultJson.Default.FacesResult));
            }
            else
            {
                FacesResultText.Write(result, Console.Out);
            }

            // Benchmarks report; tests assert: a missed floor is printed, not an exit code.
            return 0;
        });
        return faces;
    }
}
