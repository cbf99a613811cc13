using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Faces.Evaluation;

namespace StreamAnalytics.Training.Faces.Seed;

/// <summary>
/// The ORL protocol of <see cref="FaceSplitEvaluation"/> (the same seeded per-identity splits) with the seed network
/// trained on each split instead of ours.
/// </summary>
public static class SeedFaceSplitEvaluation
{
    /// <summary>Split i uses seed <c>firstSeed + i</c> for both the split and the training.</summary>
    public static FaceSplitsReport Evaluate(
        FaceDataset dataset,
        int splits,
        int trainPerIdentity,
        SeedFaceTrainingOptions options,
        int firstSeed,
        Action<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(splits);
        var results = new List<FaceSplitResult>();
        long parameters = 0;
        for (var i = 0; i < splits; i++)
        {
            var seed = firstSeed + i;
            var (train, test) = FaceSplits.PerIdentity(dataset, trainPerIdentity, seed);
            var epochs = new EpochLines(progress);
            using var trained = new SeedFaceTrainer(options.WithSeed(seed)).Train(dataset, train, epochs, cancellationToken);
            var accuracy = Accuracy(trained, dataset, test);
            parameters = trained.Network.ParameterCount;
            results.Add(new FaceSplitResult(seed, accuracy, trained.Seconds));
            progress?.Invoke(FormattableString.Invariant($"split {i + 1}/{splits} (seed {seed}): accuracy {accuracy:P2}, trained in {trained.Seconds:F1} s"));
        }

        var mean = results.Average(r => r.Accuracy);
        var std = Math.Sqrt(results.Average(r => (r.Accuracy - mean) * (r.Accuracy - mean)));
        return new FaceSplitsReport(dataset.Name, trainPerIdentity, results, mean, std, parameters, results.Average(r => r.TrainSeconds));
    }

    /// <summary>The share of <paramref name="test"/> images whose highest logit is their identity.</summary>
    public static double Accuracy(SeedFaceTrainingResult trained, FaceDataset dataset, IReadOnlyList<int> test)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(test);
        var classes = SeedFacePredictions.Classes(trained.Network, [.. test.Select(i => dataset.Images[i])]);
        var correct = test.Where((image, i) => trained.Identities[classes[i]] == dataset.Identities[dataset.Labels[image]]).Count();
        return (double)correct / test.Count;
    }

    // Reports each epoch on the training thread, in order (Progress<T> would post to the thread pool).
    private sealed class EpochLines(Action<string>? write) : IProgress<FaceEpoch>
    {
        public void Report(FaceEpoch value) =>
            write?.Invoke(FormattableString.Invariant($"  epoch {value.Epoch}: loss {value.Loss:F4}, train accuracy {value.TrainAccuracy:P1}"));
    }
}
