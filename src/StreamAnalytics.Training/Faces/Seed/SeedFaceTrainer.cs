using System.Diagnostics;
using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Optimization;
using StreamAnalytics.Training.Torch;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces.Seed;

/// <summary>
/// Trains a <see cref="SeedFaceNetwork"/> the way the seed did: shuffled minibatches, plain softmax cross-entropy,
/// Adam at a constant learning rate (<see cref="ScalarSafeAdam"/>, no weight decay), a fixed number of epochs.
/// </summary>
/// <remarks>
/// Determinism as <see cref="FaceTrainer"/>: initial weights from a seeded <see cref="Generator"/>, dropout from
/// libtorch's global generator seeded here, shuffling and augmentation from a seeded <see cref="Random"/>, and the
/// whole training under <see cref="ExclusiveTorch"/> on <see cref="SeedFaceTrainingOptions.Threads"/> threads.
/// </remarks>
public sealed class SeedFaceTrainer
{
    private readonly SeedFaceTrainingOptions _options;

    /// <summary>Creates a trainer; the options are validated here and must not change while it trains.</summary>
    public SeedFaceTrainer(SeedFaceTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Trains on the images <paramref name="train"/> of <paramref name="dataset"/>. The classes are the identities those
    /// images show, in dataset order.
    /// </summary>
    public SeedFaceTrainingResult Train(
        FaceDataset dataset,
        IReadOnlyList<int> train,
        IProgress<FaceEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("There are no training images.", nameof(train));
        }

        return ExclusiveTorch.Run(_options.Threads, () => TrainLocked(dataset, train, progress, cancellationToken));
    }

    private SeedFaceTrainingResult TrainLocked(
        FaceDataset dataset, IReadOnlyList<int> train, IProgress<FaceEpoch>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var o = _options;
        manual_seed(o.Seed);
        using var generator = new Generator((ulong)o.Seed);
        var random = new Random(o.Seed);

        var present = train.Select(i => dataset.Labels[i]).Distinct().Order().ToArray();
        var classOf = present.Select((label, index) => (label, index)).ToDictionary(x => x.label, x => x.index);
        var images = train.Select(i => dataset.Images[i]).ToArray();
        var labels = train.Select(i => (long)classOf[dataset.Labels[i]]).ToArray();

        var network = new SeedFaceNetwork(o.Layout(present.Length), o.Dropout, generator);
        try
        {
            using var all = FaceTensors.Stack(images, 0, images.Length);
            using var allLabels = tensor(labels, [labels.Length]);
            using var optimizer = new ScalarSafeAdam(network.parameters(), o.LearningRate);
            var augmenter = new FaceAugmenter(o.Augmentation);
            var augment = !IsNone(o.Augmentation);
            var order = Enumerable.Range(0, images.Length).ToArray();
            var epochs = new List<FaceEpoch>();
            network.train();
            for (var epoch = 1; epoch <= o.Epochs; epoch++)
            {
                random.Shuffle(order);
                double lossSum = 0;
                var correct = 0;
                for (var start = 0; start < order.Length; start += o.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var size = Math.Min(o.BatchSize, order.Length - start);
                    var batchIndex = tensor(order.AsSpan(start, size).ToArray().Select(i => (long)i).ToArray(), [size]);
                    var x = all.index_select(0, batchIndex);
                    if (augment)
                    {
                        x = augmenter.Apply(x, random);
                    }

                    var y = allLabels.index_select(0, batchIndex);
                    var logits = network.forward(x);
                    var loss = nn.functional.cross_entropy(logits, y);

                    optimizer.ZeroGrad();
                    loss.backward();
                    optimizer.Step();
                    lossSum += loss.item<float>() * size;
                    correct += (int)logits.argmax(1).eq(y).sum().item<long>();
                }

                var record = new FaceEpoch(epoch, lossSum / images.Length, (double)correct / images.Length);
                epochs.Add(record);
                progress?.Report(record);
            }

            network.eval();
            return new SeedFaceTrainingResult
            {
                Network = network,
                Identities = [.. present.Select(label => dataset.Identities[label])],
                Epochs = epochs,
                Seconds = stopwatch.Elapsed.TotalSeconds,
            };
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    // Skipping the warp when nothing would change keeps the no-augmentation default an exact copy of the images.
    private static bool IsNone(FaceAugmentationOptions a) =>
        a is { MaxShift: 0, MaxRotationDegrees: 0, MaxScale: 0, MaxBrightness: 0, MaxContrast: 0, FlipProbability: 0 };
}
