using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// The ORL protocol: for each of several seeds, a random <c>trainPerIdentity</c>/rest split per identity, a network
/// trained on the training images, and the classifier's accuracy on the rest.
/// </summary>
public static class FaceSplitEvaluation
{
    /// <summary>Split i uses seed <c>firstSeed + i</c> for both the split and the training.</summary>
    public static FaceSplitsReport Evaluate(
        FaceDataset dataset,
        int splits,
        int trainPerIdentity,
        FaceTrainingOptions options,
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
            var trainer = new FaceTrainer(WithSeed(options, seed));
            using var trained = trainer.Train(dataset, train, cancellationToken: cancellationToken);
            var accuracy = Accuracy(trained, dataset, test);
            parameters = trained.Network.ToWeights(trained.Identities, 0f).ParameterCount;
            results.Add(new FaceSplitResult(seed, accuracy, trained.Seconds));
            progress?.Invoke(FormattableString.Invariant($"split {i + 1}/{splits} (seed {seed}): accuracy {accuracy:P2}, trained in {trained.Seconds:F1} s"));
        }

        var mean = results.Average(r => r.Accuracy);
        var std = Math.Sqrt(results.Average(r => (r.Accuracy - mean) * (r.Accuracy - mean)));
        return new FaceSplitsReport(dataset.Name, trainPerIdentity, results, mean, std, parameters, results.Average(r => r.TrainSeconds));
    }

    /// <summary>The share of <paramref name="test"/> images whose classifier answer is their identity.</summary>
    public static double Accuracy(FaceTrainingResult trained, FaceDataset dataset, IReadOnlyList<int> test)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(test);
        var (_, classes) = FaceEmbeddings.Predict(trained.Network, [.. test.Select(i => dataset.Images[i])]);
        var correct = test.Where((image, i) => trained.Identities[classes[i]] == dataset.Identities[dataset.Labels[image]]).Count();
        return (double)correct / test.Count;
    }

    internal static FaceTrainingOptions WithSeed(FaceTrainingOptions options, int seed) => new()
    {
        Blocks = options.Blocks,
        EmbeddingSize = options.EmbeddingSize,
        Epochs = options.Epochs,
        BatchSize = options.BatchSize,
        LearningRate = options.LearningRate,
        WarmupEpochs = options.WarmupEpochs,
        WeightDecay = options.WeightDecay,
        ClassifierScale = options.ClassifierScale,
        Margin = options.Margin,
        Augmentation = options.Augmentation,
        Seed = seed,
        Threads = options.Threads,
    };
}
