using System.Diagnostics;
using System.Globalization;
using StreamAnalytics.ModelExport.Faces;
using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Faces.Evaluation;
using StreamAnalytics.Training.Torch;

namespace StreamAnalytics.Training.Faces;

/// <summary>
/// From a folder of faces to the model file a silo serves: chooses the identities, calibrates the open-set threshold
/// (or takes a fixed one), trains the final network on every image of those identities, and exports it as ONNX with
/// the identities, threshold, version and training time in its metadata.
/// </summary>
/// <remarks>
/// Calibration is the open-set evaluation's (<see cref="FaceOpenSetEvaluation"/>): with the training seed, the chosen
/// identities are shuffled and the last <see cref="FaceModelPipelineOptions.CalibrationStrangers"/> of them play
/// strangers; a calibration model trains on the others with one random image each held back as a genuine probe, and the
/// threshold balancing genuine acceptance against impostor rejection there is the one the final model ships with. The
/// final model never sees the calibration split's choices: it trains on every image of every chosen identity.
/// </remarks>
public static class FaceModelPipeline
{
    /// <summary>Trains, calibrates and exports the face model.</summary>
    /// <exception cref="ArgumentException">The options are out of range, or the dataset has too few identities or images for them.</exception>
    public static FaceModelPipelineResult Train(FaceDataset dataset, FaceModelPipelineOptions options, CancellationToken cancellationToken = default) =>
        Train(dataset, options, progress: null, cancellationToken);

    /// <summary>Trains, calibrates and exports the face model, writing progress lines (stages and epochs) to <paramref name="progress"/>.</summary>
    /// <exception cref="ArgumentException">The options are out of range, or the dataset has too few identities or images for them.</exception>
    public static FaceModelPipelineResult Train(
        FaceDataset dataset, FaceModelPipelineOptions options, Action<string>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Identities > dataset.Identities.Count)
        {
            throw new ArgumentException($"{options.Identities} identities were asked for, but {dataset.Name} has {dataset.Identities.Count}.", nameof(options));
        }

        var identities = ChooseIdentities(dataset, options.Identities);
        var byIdentity = dataset.ImagesByIdentity();
        var calibrate = options.FixedThreshold is null;
        // Calibration holds one image of each known identity back and needs at least one known identity left.
        var fewest = calibrate ? 2 : 1;
        if (identities.FirstOrDefault(i => byIdentity[i].Length < fewest, -1) is var sparse and >= 0)
        {
            throw new ArgumentException($"The identity {dataset.Identities[sparse]} has {byIdentity[sparse].Length} images; {fewest} are needed.", nameof(dataset));
        }

        if (calibrate && identities.Length <= options.CalibrationStrangers)
        {
            throw new ArgumentException(
                $"Calibration leaves {options.CalibrationStrangers} identities out as strangers, so more than that are needed; {identities.Length} were chosen.",
                nameof(options));
        }

        // The whole pipeline holds libtorch's process-wide state (the lock is re-entrant, the trainers take it again),
        // so the calibration and final trainings and their embedding passes run back to back on the same threads.
        return ExclusiveTorch.Run(options.Training.Threads, () => TrainLocked(dataset, options, identities, byIdentity, progress, cancellationToken));
    }

    private static FaceModelPipelineResult TrainLocked(
        FaceDataset dataset,
        FaceModelPipelineOptions options,
        int[] identities,
        IReadOnlyList<int[]> byIdentity,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var training = options.Training;
        var train = identities.SelectMany(i => byIdentity[i]).ToArray();
        progress?.Invoke($"{dataset.Name}: training on {identities.Length} identities, {train.Length} images");

        FaceThresholdCalibration? calibration = null;
        if (options.FixedThreshold is null)
        {
            var (shuffled, images) = CalibrationSplit(identities, byIdentity, training.Seed);
            progress?.Invoke($"calibration model: {shuffled.Length - options.CalibrationStrangers} identities, {options.CalibrationStrangers} pseudo-strangers");
            calibration = FaceThresholdCalibrator.Calibrate(
                dataset, training, training.Seed, shuffled, options.CalibrationStrangers, images, Epochs("calibration", training, progress), cancellationToken);
            progress?.Invoke(FormattableString.Invariant(
                $"threshold {calibration.Threshold:F3} (validation: genuine accepted {calibration.GenuineAccepted:P1}, impostors rejected {calibration.ImpostorRejected:P1})"));
        }

        // OpenSetThreshold puts its outermost candidates just past the extreme scores, which may step outside the
        // contract's cosine range by a hair.
        var threshold = options.FixedThreshold ?? (float)Math.Clamp(calibration!.Threshold, -1, 1);
        using var trained = new FaceTrainer(training).Train(dataset, train, Epochs("final", training, progress), cancellationToken);
        var weights = trained.Network.ToWeights(trained.Identities, threshold);
        var trainedAt = options.TrainedAt ?? DateTimeOffset.UtcNow;
        var version = options.Version ?? trainedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var onnx = FaceOnnxExporter.Export(weights, version, trainedAt);
        return new FaceModelPipelineResult(
            Onnx: onnx,
            Version: version,
            TrainedAt: trainedAt,
            Identities: trained.Identities,
            Images: train.Length,
            Threshold: threshold,
            Calibrated: calibration is not null,
            ValidationGenuineAccepted: calibration?.GenuineAccepted,
            ValidationImpostorRejected: calibration?.ImpostorRejected,
            ParameterCount: weights.ParameterCount,
            TrainSeconds: stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The calibration split, seeded: the identities shuffled (the last ones become pseudo-strangers) and each one's
    /// images shuffled (the last one of a known identity becomes its genuine probe).
    /// </summary>
    private static (int[] Identities, Dictionary<int, int[]> Images) CalibrationSplit(int[] identities, IReadOnlyList<int[]> byIdentity, int seed)
    {
        var random = new Random(seed);
        var shuffled = identities.ToArray();
        random.Shuffle(shuffled);
        var images = shuffled.ToDictionary(i => i, i =>
        {
            var own = byIdentity[i].ToArray();
            random.Shuffle(own);
            return own;
        });
        return (shuffled, images);
    }

    private static FaceEpochReporter? Epochs(string stage, FaceTrainingOptions training, Action<string>? progress) =>
        progress is null ? null : new FaceEpochReporter(stage, training.Epochs, progress);

    /// <summary>The label indices of the identities to train on, in label order.</summary>
    private static int[] ChooseIdentities(FaceDataset dataset, int? count)
    {
        var natural = Enumerable.Range(0, dataset.Identities.Count).OrderBy(i => dataset.Identities[i], NaturalOrder.Instance);
        return [.. natural.Take(count ?? dataset.Identities.Count).Order()];
    }
}
