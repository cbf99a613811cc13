using System.Globalization;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Imaging;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Face identification throughput and latency on one model, in one process: raw ONNX Runtime batched (the batcher's
/// largest batch) and unbatched on pre-fitted images, with as many concurrent callers as the batcher runs batches at
/// once; then many concurrent cameras calling
/// <c>ICameraGrain.Identify</c> with encoded frames through a silo composed as the worker host composes it (decode, fit,
/// the shared batcher, the model, a real gallery search, publishing), batched and with the batcher limited to batch 1;
/// then the seed-size network at batch 1. Each path runs an untimed warm-up first. The grain path's rate over raw ONNX
/// Runtime's batched rate is what compares between runs.
/// </summary>
internal static class FacesBenchmark
{
    // Distinct frames the paths cycle through (rounded up to a multiple of the largest batch, so raw batches never wrap).
    private const int DistinctFrames = 256;
    private const int FrameSeed = 1;
    private const int GalleryIdentities = BenchGallery.Identities;
    private const int FacesPerIdentity = BenchGallery.FacesPerIdentity;

    public static async Task<FacesResult> RunAsync(FacesBenchmarkSettings settings, TextWriter log, CancellationToken cancellation)
    {
        await log.WriteLineAsync(settings.ModelPath is { } path
            ? $"model: {path}"
            : "model: untrained network of the production architecture (random weights, seed-fixed): a trained model's compute");
        var onnx = settings.ModelPath is { } file ? await File.ReadAllBytesAsync(file, cancellation) : FaceBenchModel.Untrained();
        var maxBatch = settings.MaxBatch;
        var frames = FaceBenchFrames.Create((DistinctFrames + maxBatch - 1) / maxBatch * maxBatch, FrameSeed);
        var fitted = frames.Select(f => FaceImageFitter.DecodeAndFit(f)).ToArray();
        var onnxWarmup = Math.Clamp(settings.Frames / 10, maxBatch, 1_000);
        var grainWarmup = Math.Max(settings.Cameras * 4, Math.Min(settings.Frames / 10, 2_000));

        // What each frame costs a camera grain before it reaches the batcher, on one thread: part of the grain path's
        // overhead over raw ONNX Runtime, reported to explain the ratio.
        void DecodeAndFit(int i) => FaceImageFitter.DecodeAndFit(frames[i % frames.Length]);
        CallLatencies.Time(0, onnxWarmup, DecodeAndFit);
        var decodeFitCpu = Environment.CpuUsage.TotalTime;
        var decodeFitLatencies = CallLatencies.Time(0, settings.Frames, DecodeAndFit);
        var decodeFit = FaceBenchMeasurement.From(decodeFitLatencies, 1, settings.Frames, 0, Environment.CpuUsage.TotalTime - decodeFitCpu);
        await log.WriteLineAsync(Describe("decode + fit (one thread)", decodeFit));

        using var broker = EmbeddedKafkaBroker.Start();
        broker.CreateTopic(TopicNames.Frames, 4);
        broker.CreateTopic(TopicNames.FramesDeadLetter, 1);
        broker.CreateTopic(TopicNames.Identifications, 4);
        using var batches = new BatchSizeListener();

        string version;
        FaceBenchMeasurement onnxBatched, onnxUnbatched, grainsBatched, grainsUnbatched;
        await using (var host = await StartServingAsync(broker.BootstrapServers, maxBatch, settings.ConcurrentBatches, settings.Publish, onnx, log, cancellation))
        {
            using (var lease = host.Models.Acquire())
            {
                version = lease.Model.Version;
                await log.WriteLineAsync($"raw ONNX Runtime, batch {maxBatch}, {Callers(settings)}: {onnxWarmup:N0} warm-up and {settings.Frames:N0} timed images ...");
                onnxBatched = OnnxFaceTimings.Time(lease.Model, fitted, maxBatch, settings.ConcurrentBatches, settings.Frames, onnxWarmup);
                await log.WriteLineAsync(Describe("onnx batched", onnxBatched));
                await log.WriteLineAsync($"raw ONNX Runtime, batch 1, {Callers(settings)} ...");
                onnxUnbatched = OnnxFaceTimings.Time(lease.Model, fitted, 1, settings.ConcurrentBatches, settings.Frames, onnxWarmup);
                await log.WriteLineAsync(Describe("onnx unbatched", onnxUnbatched));
            }

            await log.WriteLineAsync($"grains, batcher up to {maxBatch}: {settings.Cameras} cameras, {grainWarmup:N0} warm-up and {settings.Frames:N0} timed frames ...");
            grainsBatched = await TimeGrainsAsync(host, frames, settings, grainWarmup, batches);
            await log.WriteLineAsync(Describe("grains batched", grainsBatched));
        }

        await using (var host = await StartServingAsync(broker.BootstrapServers, 1, settings.ConcurrentBatches, settings.Publish, onnx, log, cancellation))
        {
            await log.WriteLineAsync($"grains, batcher limited to 1: {settings.Cameras} cameras ...");
            grainsUnbatched = await TimeGrainsAsync(host, frames, settings, grainWarmup, batches);
            await log.WriteLineAsync(Describe("grains unbatched", grainsUnbatched));
        }

        FaceBenchMeasurement? seed = null;
        if (settings.SeedSeconds > 0)
        {
            await log.WriteLineAsync($"seed-size network (random weights), raw ONNX Runtime at batch 1 for {settings.SeedSeconds} s ...");
            seed = SeedSizeBatchOne.Measure(fitted, FaceBenchModel.Identities, TimeSpan.FromSeconds(settings.SeedSeconds));
            await log.WriteLineAsync(Describe("seed-size batch 1", seed));
        }

        var ratio = Math.Round(grainsBatched.ImagesPerSecond / onnxBatched.ImagesPerSecond, 3);
        return new FacesResult(
            settings.ModelPath ?? "untrained", version, settings.Frames, settings.Cameras, maxBatch, settings.ConcurrentBatches, GalleryIdentities, GalleryIdentities * FacesPerIdentity, settings.Publish,
            onnxBatched, onnxUnbatched, grainsBatched, grainsUnbatched, seed, decodeFit,
            ratio, Math.Round(grainsBatched.ImagesPerSecond / grainsUnbatched.ImagesPerSecond, 2),
            FaceBenchFloors.Check(ratio, grainsBatched.ImagesPerSecond), Environment.ProcessorCount);
    }

    // A silo with the model live and the gallery enrolled through the identity grains, as an operator would do it.
    private static async Task<FaceBenchHost> StartServingAsync(
        string bootstrap, int maxBatchSize, int concurrentBatches, bool publish, byte[] onnx, TextWriter log, CancellationToken cancellation)
    {
        var host = await FaceBenchHost.StartAsync(bootstrap, maxBatchSize, concurrentBatches, publish, $"bench-faces-{maxBatchSize}", cancellation);
        var swap = await host.Activator.TryActivateAsync(onnx, cancellation);
        if (!swap.Swapped)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"The face model did not load: {swap.Reason}");
        }

        await BenchGallery.EnrolAsync(host.Grains);
        await host.Galleries.SyncNowAsync(cancellation);
        if (host.Galleries.ActiveCount != GalleryIdentities)
        {
            throw new InvalidOperationException($"The gallery holds {host.Galleries.ActiveCount} identities, not {GalleryIdentities}.");
        }

        await log.WriteLineAsync($"silo up (batcher up to {maxBatchSize}), model {swap.Version}, gallery {GalleryIdentities} identities x {FacesPerIdentity} faces");
        return host;
    }

    // Cameras in closed loops, each awaiting its frame's outcome before sending the next, from the silo's own client.
    private static async Task<FaceBenchMeasurement> TimeGrainsAsync(
        FaceBenchHost host, byte[][] frames, FacesBenchmarkSettings settings, int warmup, BatchSizeListener batches)
    {
        var cameras = Enumerable.Range(0, settings.Cameras).Select(c => host.Grains.GetGrain<ICameraGrain>($"bench-camera-{c}")).ToArray();
        var failures = 0;
        string? failure = null;
        async Task Identify(int camera, int index)
        {
            var outcome = await cameras[camera].Identify(frames[index % frames.Length], DateTimeOffset.UtcNow);
            if (outcome.Status is not (FrameStatus.Identified or FrameStatus.Unknown))
            {
                Interlocked.Increment(ref failures);
                failure = $"{outcome.Status}: {outcome.Reason}";
            }
        }

        await ClosedLoopLatencies.RunAsync(cameras.Length, warmup, Identify);
        var before = batches.Snapshot();
        var cpu = Environment.CpuUsage.TotalTime;
        var latencies = await ClosedLoopLatencies.RunAsync(cameras.Length, settings.Frames, Identify);
        cpu = Environment.CpuUsage.TotalTime - cpu;
        var after = batches.Snapshot();
        if (failures > 0)
        {
            // A refused or failed frame is not a measurement of identification: the rate would mean nothing.
            throw new InvalidOperationException($"{failures} frames were not identified; the last: {failure}");
        }

        return FaceBenchMeasurement.From(latencies, 1, settings.Frames, BatchSizeListener.MeanBatchSize(before, after), cpu);
    }

    private static string Callers(FacesBenchmarkSettings settings) =>
        settings.ConcurrentBatches == 1 ? "one caller" : $"{settings.ConcurrentBatches} concurrent callers";

    /// <summary>One line for a path, as the progress log and the plain output print it.</summary>
    public static string Describe(string path, FaceBenchMeasurement m) => string.Create(
        CultureInfo.InvariantCulture, $"{path}: {m.ImagesPerSecond:N0} images/s, p50 {m.P50Ms:F3} ms, p99 {m.P99Ms:F3} ms, mean batch {m.MeanBatchSize:F1}, CPU {m.CpuMsPerImage:F3} ms/image");
}
