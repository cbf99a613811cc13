using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// Chooses the open-set threshold without looking at any test data: a calibration model is trained on some identities
/// minus a few pseudo-strangers, with one image of each known identity held back; its gallery holds the known
/// identities, the held-back images are genuine probes, every image of the pseudo-strangers is an impostor probe, and
/// <see cref="OpenSetThreshold.Choose"/> picks the threshold on those scores. Both the open-set evaluation and the
/// production pipeline (<see cref="FaceModelPipeline"/>) calibrate this way.
/// </summary>
internal static class FaceThresholdCalibrator
{
    // Added to the final model's seed, so the calibration model is an independent draw of the same recipe.
    private const int SeedOffset = 7919;

    /// <summary>Trains the calibration model and chooses the threshold.</summary>
    /// <param name="dataset">The images.</param>
    /// <param name="options">The training recipe; its seed is replaced.</param>
    /// <param name="seed">The final model's seed; the calibration model trains with a different one derived from it.</param>
    /// <param name="identities">The identities; the last <paramref name="pseudoStrangers"/> of them play strangers.</param>
    /// <param name="pseudoStrangers">How many identities the calibration model leaves out.</param>
    /// <param name="images">Each identity's images; of a known identity, the last is held back as its genuine probe.</param>
    /// <param name="progress">Told about each epoch of the calibration model.</param>
    /// <param name="cancellationToken">Stops the training between steps.</param>
    public static FaceThresholdCalibration Calibrate(
        FaceDataset dataset,
        FaceTrainingOptions options,
        int seed,
        IReadOnlyList<int> identities,
        int pseudoStrangers,
        IReadOnlyDictionary<int, int[]> images,
        IProgress<FaceEpoch>? progress,
        CancellationToken cancellationToken)
    {
        var known = identities.Take(identities.Count - pseudoStrangers).ToArray();
        var strangers = identities.Skip(identities.Count - pseudoStrangers).ToArray();
        var calibrationEnrol = known.ToDictionary(i => i, i => images[i][..^1]);
        var trainer = new FaceTrainer(FaceSplitEvaluation.WithSeed(options, unchecked(seed + SeedOffset)));
        using var trained = trainer.Train(dataset, [.. known.SelectMany(i => calibrationEnrol[i])], progress, cancellationToken);
        var gallery = FaceGalleryScoring.Enrol(trained.Network, dataset, known, calibrationEnrol);
        var genuine = FaceGalleryScoring.Search(trained.Network, dataset, gallery, [.. known.Select(i => images[i][^1])]);
        var impostors = FaceGalleryScoring.Search(trained.Network, dataset, gallery, [.. strangers.SelectMany(i => images[i])])
            .Select(s => s.Score).ToArray();
        var threshold = OpenSetThreshold.Choose(genuine, impostors);
        return new FaceThresholdCalibration(
            threshold,
            OpenSetThreshold.GenuineAccepted(threshold, genuine),
            OpenSetThreshold.ImpostorRejected(threshold, impostors),
            trained.Seconds);
    }
}
