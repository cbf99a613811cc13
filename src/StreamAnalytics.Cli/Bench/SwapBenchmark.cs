using System.Diagnostics;
using System.Globalization;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Streaming.Kafka.Embedded;
using StreamAnalytics.Training.Rating.Data;
using SyntheticFeedOptions = StreamAnalytics.Synthetic.SyntheticFeedOptions;
using SyntheticInteractionFeed = StreamAnalytics.Synthetic.SyntheticInteractionFeed;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Latency of rating predictions and camera identifications while the model registry swaps both models, beside the
/// same load in steady state, on an in-process cluster of worker silos that each follow the registry on their own
/// (<see cref="ModelWatcher"/>), as in production. One run: train a rating model and build the untrained face model,
/// register <c>swaps + 1</c> versions of each (the same weights under other version names: a swap's work does not
/// depend on the weights), activate the first, enrol the gallery, start a paced load of both kinds, time a steady
/// window, then activate the next rating version, wait until every silo serves it, the next face version likewise, wait
/// a second, and so on. The ratio of the two windows' latencies is what compares between runs.
/// </summary>
internal static class SwapBenchmark
{
    private const int Pairs = 1_000;
    private const int Cameras = 16;
    private const int PredictionLoops = 8;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    // After each pair of swaps is served everywhere, before the next: the swap window covers each swap's aftermath
    // (old sessions drained and disposed, the first runs on the new ones) and holds enough calls for a p99.
    private static readonly TimeSpan SwapSettle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ServedTimeout = TimeSpan.FromSeconds(60);

    public static async Task<SwapResult> RunAsync(SwapBenchmarkSettings settings, TextWriter log, CancellationToken cancellation)
    {
        var feed = new SyntheticFeedOptions();
        await log.WriteLineAsync($"training a rating model on {settings.Ratings:N0} synthetic ratings ...");
        var (ratingWeights, _) = await Task.Run(() => RatingBenchModel.Train(feed, settings.Ratings, log), cancellation);
        var versions = Enumerable.Range(1, settings.Swaps + 1).ToArray();
        var ratingModels = versions.Select(v => RatingOnnxExporter.Export(ratingWeights, $"bench-rating-{v}", DateTimeOffset.UnixEpoch)).ToArray();
        var faceModels = versions.Select(v => FaceBenchModel.Untrained($"bench-face-{v}")).ToArray();
        var pairs = SyntheticPairs.Of(new SyntheticInteractionFeed(feed, SyntheticRatingDataset.DefaultStart).Records().Take(Pairs * 10), Pairs);
        var frames = FaceBenchFrames.Create(256, seed: 1);

        using var broker = EmbeddedKafkaBroker.Start();
        foreach (var (topic, partitions) in new[]
        {
            (TopicNames.Interactions, 8), (TopicNames.InteractionsDeadLetter, 1), (TopicNames.Frames, 4),
            (TopicNames.FramesDeadLetter, 1), (TopicNames.Identifications, 4),
        })
        {
            broker.CreateTopic(topic, partitions);
        }

        var silos = new List<SwapBenchHost>();
        try
        {
            silos.Add(await SwapBenchHost.StartAsync(broker.BootstrapServers, primary: null, cancellation));
            for (var i = 1; i < settings.Silos; i++)
            {
                silos.Add(await SwapBenchHost.StartAsync(broker.BootstrapServers, silos[0].Endpoint, cancellation));
            }

            var grains = silos[0].Grains;
            await WaitForSilosAsync(grains, settings.Silos, cancellation);
            await log.WriteLineAsync($"{settings.Silos} silos up; registering {versions.Length} versions of each model ...");
            var ratingRegistry = grains.GetGrain<IModelRegistryGrain>(ModelKinds.Rating);
            var faceRegistry = grains.GetGrain<IModelRegistryGrain>(ModelKinds.Face);
            var ratingNumbers = await RegisterAsync(ratingRegistry, ratingModels);
            var faceNumbers = await RegisterAsync(faceRegistry, faceModels);
            var registered = versions.SelectMany(v => new[] { $"bench-rating-{v}", $"bench-face-{v}" }).ToHashSet(StringComparer.Ordinal);

            await ActivateAndWaitAsync(ratingRegistry, ratingNumbers[0], "bench-rating-1", silos, s => s.RatingVersion, cancellation);
            await ActivateAndWaitAsync(faceRegistry, faceNumbers[0], "bench-face-1", silos, s => s.FaceVersion, cancellation);
            await BenchGallery.EnrolAsync(grains);
            foreach (var silo in silos)
            {
                await silo.Galleries.SyncNowAsync(cancellation);
            }

            await log.WriteLineAsync($"load: {settings.PredictionRate:N0} predictions/s, {settings.FrameRate:N0} frames/s from {Cameras} cameras ...");
            var predictions = new PacedCalls();
            var identifications = new PacedCalls();
            using var stop = new CancellationTokenSource();
            var load = Task.WhenAll(
                predictions.RunAsync(PredictionLoops, settings.PredictionRate, async (loop, sequence) =>
                {
                    var (user, product) = pairs[(int)(((sequence * PredictionLoops) + loop) % pairs.Count)];
                    var prediction = await grains.GetGrain<IUserGrain>(user).PredictRating(product);
                    return prediction?.ModelVersion ?? throw new InvalidOperationException("no rating model loaded");
                }, stop.Token),
                identifications.RunAsync(Cameras, settings.FrameRate, async (camera, sequence) =>
                {
                    var outcome = await grains.GetGrain<ICameraGrain>($"bench-camera-{camera}").Identify(frames[(int)(sequence % frames.Length)], DateTimeOffset.UtcNow);
                    return outcome.Identification?.ModelVersion ?? throw new InvalidOperationException($"{outcome.Status}: {outcome.Reason}");
                }, stop.Token));

            await Task.Delay(Warmup, cancellation);
            var steadyStart = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(settings.SteadySeconds), cancellation);
            var steadyEnd = Stopwatch.GetTimestamp();

            var ratingMs = new List<double>();
            var faceMs = new List<double>();
            for (var i = 1; i < versions.Length; i++)
            {
                ratingMs.Add(await ActivateAndWaitAsync(ratingRegistry, ratingNumbers[i], $"bench-rating-{i + 1}", silos, s => s.RatingVersion, cancellation));
                faceMs.Add(await ActivateAndWaitAsync(faceRegistry, faceNumbers[i], $"bench-face-{i + 1}", silos, s => s.FaceVersion, cancellation));
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"swap {i}: rating served everywhere {ratingMs[^1]:F0} ms after activation, face {faceMs[^1]:F0} ms"));
                await Task.Delay(SwapSettle, cancellation);
            }

            var swapsEnd = Stopwatch.GetTimestamp();
            await stop.CancelAsync();
            await load;

            var predictionResult = Compare(predictions.Samples, steadyStart, steadyEnd, steadyEnd, swapsEnd);
            var identificationResult = Compare(identifications.Samples, steadyStart, steadyEnd, steadyEnd, swapsEnd);
            var unregistered = predictions.Samples.Concat(identifications.Samples)
                .Count(s => s.Version is { } version && !registered.Contains(version));
            return new SwapResult(
                settings.Silos,
                settings.Swaps,
                predictionResult,
                identificationResult,
                Timings(ratingMs),
                Timings(faceMs),
                unregistered,
                new SwapFloor(SwapFloor.P99Ratio, predictionResult.P99Ratio <= SwapFloor.P99Ratio, identificationResult.P99Ratio <= SwapFloor.P99Ratio),
                new ModelWatcherOptions().PollInterval.TotalMilliseconds,
                Environment.ProcessorCount);
        }
        finally
        {
            // Joiners first, so the primary does not wait for dead members.
            for (var i = silos.Count - 1; i >= 0; i--)
            {
                await silos[i].DisposeAsync();
            }
        }
    }

    private static async Task WaitForSilosAsync(IGrainFactory grains, int silos, CancellationToken cancellation)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ServedTimeout.TotalSeconds * Stopwatch.Frequency);
        while ((await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellation)).Count < silos)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"Fewer than {silos} silos joined the cluster within {ServedTimeout}.");
            }

            await Task.Delay(100, cancellation);
        }
    }

    private static async Task<int[]> RegisterAsync(IModelRegistryGrain registry, byte[][] models)
    {
        var numbers = new int[models.Length];
        for (var i = 0; i < models.Length; i++)
        {
            numbers[i] = (await registry.Register(models[i], new Dictionary<string, double>(), "bench")).Number;
        }

        return numbers;
    }

    // Activates a version and returns the milliseconds until every silo serves it.
    private static async Task<double> ActivateAndWaitAsync(
        IModelRegistryGrain registry, int number, string version, IReadOnlyList<SwapBenchHost> silos, Func<SwapBenchHost, string?> served, CancellationToken cancellation)
    {
        var activated = await registry.Activate(number);
        if (activated is not { Status: ModelVersionStatus.Active })
        {
            throw new InvalidOperationException($"Activating {version} failed: {activated?.Status} {activated?.Reason}");
        }

        var started = Stopwatch.GetTimestamp();
        while (!silos.All(s => served(s) == version))
        {
            if (Stopwatch.GetElapsedTime(started) > ServedTimeout)
            {
                throw new InvalidOperationException($"Not every silo served {version} within {ServedTimeout}.");
            }

            await Task.Delay(5, cancellation);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static SwapLoadResult Compare(IReadOnlyCollection<CallSample> samples, long steadyStart, long steadyEnd, long swapsStart, long swapsEnd)
    {
        var steady = Window(samples.Where(s => s.Started >= steadyStart && s.Started < steadyEnd));
        var swaps = Window(samples.Where(s => s.Started >= swapsStart && s.Started < swapsEnd));
        return new SwapLoadResult(steady, swaps, Ratio(swaps.P50Ms, steady.P50Ms), Ratio(swaps.P99Ms, steady.P99Ms));
    }

    private static SwapWindow Window(IEnumerable<CallSample> samples)
    {
        var list = samples.ToList();
        var milliseconds = list.Where(s => s.Failure is null).Select(s => s.Duration * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new SwapWindow(
            list.Count,
            list.Count(s => s.Failure is not null),
            Round(Percentiles.Of(milliseconds, 0.50)),
            Round(Percentiles.Of(milliseconds, 0.99)),
            Round(milliseconds.LastOrDefault()),
            list.Select(s => s.Version).OfType<string>().Distinct().Count(),
            list.LastOrDefault(s => s.Failure is not null).Failure);
    }

    private static SwapTimings Timings(List<double> ms) =>
        new([.. ms.Select(m => Math.Round(m, 1))], Math.Round(ms.Average(), 1), Math.Round(ms.Max(), 1));

    // NaN (no successful call in a window) is written as 0: JSON has no NaN.
    private static double Round(double value) => double.IsNaN(value) ? 0 : Math.Round(value, 3);

    private static double Ratio(double during, double steady) => steady > 0 ? Math.Round(during / steady, 2) : 0;
}
