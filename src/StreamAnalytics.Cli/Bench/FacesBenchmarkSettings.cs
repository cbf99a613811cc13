namespace StreamAnalytics.Cli.Bench;

/// <summary>What <c>sa bench faces</c> measures.</summary>
/// <param name="Frames">Timed images per path (raw ONNX Runtime batched and unbatched, grains batched and unbatched),
/// after an untimed warm-up; defaults to 20,000.</param>
/// <param name="Cameras">Concurrent cameras on the grain paths, each a closed loop of <c>ICameraGrain.Identify</c>
/// calls; defaults to 64.</param>
/// <param name="ModelPath">An exported face model (.onnx); null uses an untrained network of the production
/// architecture (the same compute as a trained one).</param>
/// <param name="SeedSeconds">How long the seed-size network is timed at batch 1; 0 skips it. Defaults to 5.</param>
/// <param name="MaxBatch">The largest batch of the batched paths: raw ONNX Runtime's batch and the silo batcher's
/// <c>MaxBatchSize</c>; defaults to the batcher's default, 32.</param>
/// <param name="ConcurrentBatches">Model runs at once on every path: the batcher's <c>MaxConcurrentBatches</c> on the
/// grain paths, concurrent callers of the one session on the raw ONNX Runtime paths, so both use the same cores;
/// defaults to the batcher's default.</param>
/// <param name="Publish">Whether the camera grains publish identifications to the embedded broker through the silo's
/// Kafka sink (as in production) or drop them; defaults to true.</param>
internal sealed record FacesBenchmarkSettings(int Frames, int Cameras, string? ModelPath, double SeedSeconds, int MaxBatch, int ConcurrentBatches, bool Publish)
{
    /// <summary>Default of <see cref="Frames"/>: 20,000.</summary>
    public const int DefaultFrames = 20_000;

    /// <summary>Default of <see cref="Cameras"/>: 64.</summary>
    public const int DefaultCameras = 64;

    /// <summary>Default of <see cref="SeedSeconds"/>: 5.</summary>
    public const double DefaultSeedSeconds = 5;

    /// <summary>A sentence naming the first invalid setting, or null.</summary>
    public string? Validate() =>
        Frames is < 100 or > 1_000_000 ? $"--frames must be between 100 and 1000000; got {Frames}."
        // Each camera has at most one frame queued, so up to 1,000 cameras stay under the batcher's default queue
        // capacity (1,024): a refused frame would make the grain path's rate meaningless.
        : Cameras is < 1 or > 1_000 ? $"--cameras must be between 1 and 1000; got {Cameras}."
        : ModelPath is { } path && !File.Exists(path) ? $"--model {path} does not exist."
        : MaxBatch is < 1 or > 256 ? $"--max-batch must be between 1 and 256; got {MaxBatch}."
        : ConcurrentBatches is < 1 or > 64 ? $"--concurrent-batches must be between 1 and 64; got {ConcurrentBatches}."
        : SeedSeconds is < 0 or > 600 ? $"--seed-seconds must be between 0 and 600; got {SeedSeconds}."
        : null;
}
