using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// Open-set identification, with the threshold chosen on validation data only.
/// </summary>
/// <remarks>
/// <para>
/// With the seed, identities are shuffled: the first <see cref="FaceOpenSetProtocol.Enrolled"/> are enrolled, the rest
/// are strangers (never trained on, never enrolled). Each enrolled identity's images are shuffled: the first
/// <see cref="FaceOpenSetProtocol.EnrolImagesPerIdentity"/> enrol it (and train the model), the rest are test probes.
/// </para>
/// <para>
/// <b>Calibration</b> touches only enrolment images: a calibration model is trained on the enrolled identities minus
/// <see cref="FaceOpenSetProtocol.CalibrationStrangers"/> of them, with all but one enrolment image each; its gallery
/// holds those identities, the held-back image of each is a genuine probe, and every enrolment image of the left-out
/// identities is an impostor probe. The threshold maximising the balanced rate there (<see cref="OpenSetThreshold"/>)
/// is then used with the final model, trained on every enrolment image. Test probes and strangers choose nothing.
/// </para>
/// </remarks>
public static class FaceOpenSetEvaluation
{
    /// <summary>Runs the protocol on <paramref name="dataset"/>.</summary>
    public static FaceOpenSetReport Evaluate(
        FaceDataset dataset,
        FaceOpenSetProtocol protocol,
        FaceTrainingOptions options,
        int seed,
        Action<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(options);
        var byIdentity = dataset.ImagesByIdentity();
        if (protocol.Enrolled >= dataset.Identities.Count || protocol.CalibrationStrangers >= protocol.Enrolled
            || byIdentity.Any(images => images.Length <= protocol.EnrolImagesPerIdentity)
            || protocol.EnrolImagesPerIdentity < 2 || protocol.CalibrationStrangers < 1)
        {
            throw new ArgumentException("The dataset is too small for the protocol: strangers, calibration strangers and test images must all remain.", nameof(protocol));
        }

        var random = new Random(seed);
        var identities = Enumerable.Range(0, dataset.Identities.Count).ToArray();
        random.Shuffle(identities);
        var enrolled = identities[..protocol.Enrolled];
        var strangers = identities[protocol.Enrolled..];
        var enrol = new Dictionary<int, int[]>();
        var test = new List<int>();
        foreach (var identity in enrolled)
        {
            var images = byIdentity[identity].ToArray();
            random.Shuffle(images);
            enrol[identity] = images[..protocol.EnrolImagesPerIdentity];
            test.AddRange(images[protocol.EnrolImagesPerIdentity..]);
        }

        var (threshold, genuineAccepted, impostorRejected, calibrationSeconds) = FaceThresholdCalibrator.Calibrate(
            dataset, options, seed, enrolled, protocol.CalibrationStrangers, enrol, progress: null, cancellationToken);
        progress?.Invoke(FormattableString.Invariant($"open set: threshold {threshold:F3} (validation: genuine accepted {genuineAccepted:P1}, impostors rejected {impostorRejected:P1})"));

        var trainer = new FaceTrainer(FaceSplitEvaluation.WithSeed(options, seed));
        using var trained = trainer.Train(dataset, [.. enrolled.SelectMany(i => enrol[i])], cancellationToken: cancellationToken);
        var gallery = FaceGalleryScoring.Enrol(trained.Network, dataset, enrolled, enrol);
        var testScores = FaceGalleryScoring.Search(trained.Network, dataset, gallery, [.. test]);
        var strangerScores = FaceGalleryScoring.Search(trained.Network, dataset, gallery, [.. strangers.SelectMany(i => byIdentity[i])]);
        var report = new FaceOpenSetReport(
            Enrolled: enrolled.Length,
            Strangers: strangers.Length,
            EnrolImagesPerIdentity: protocol.EnrolImagesPerIdentity,
            Threshold: threshold,
            Rank1Accuracy: testScores.Count(s => s.Correct) / (double)testScores.Count,
            AcceptedCorrect: OpenSetThreshold.GenuineAccepted(threshold, testScores),
            FalseRejection: testScores.Count(s => s.Score < threshold) / (double)testScores.Count,
            StrangerRejection: OpenSetThreshold.ImpostorRejected(threshold, [.. strangerScores.Select(s => s.Score)]),
            ValidationGenuineAccepted: genuineAccepted,
            ValidationImpostorRejected: impostorRejected,
            TrainSeconds: calibrationSeconds + trained.Seconds);
        return report;
    }
}
