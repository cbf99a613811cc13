using System.Diagnostics;
using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Optimization;
using StreamAnalytics.Training.Torch;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces;

/// <summary>
/// Trains a <see cref="FaceNetwork"/> on some images of a <see cref="FaceDataset"/>: augmented minibatches, an
/// additive-margin cosine softmax loss, <see cref="ScalarSafeAdam"/> with decoupled weight decay, a linear warm-up and
/// cosine learning-rate decay over a fixed number of epochs (ORL has no images to spare for early stopping).
/// </summary>
/// <remarks>
/// Determinism: initial weights come from a <see cref="Generator"/> seeded with the seed, shuffling and augmentation
/// from a seeded <see cref="Random"/>, and libtorch runs on <see cref="FaceTrainingOptions.Threads"/> threads
/// (process-wide, restored afterwards); trainings in one process are serialised by a lock, because the seed and the
/// thread count are process-wide.
/// </remarks>
public sealed class FaceTrainer
{
    private readonly FaceTrainingOptions _options;

    /// <summary>Creates a trainer; the options are validated here and must not change while it trains.</summary>
    public FaceTrainer(FaceTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Trains on the images <paramref name="train"/> of <paramref name="dataset"/>. The classifier's classes are the
    /// identities those images show, in dataset order.
    /// </summary>
    public FaceTrainingResult Train(
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

    private FaceTrainingResult TrainLocked(
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
        var (mean, std) = PixelStatistics(images);

        var network = new FaceNetwork(o.Blocks, o.EmbeddingSize, present.Length, (float)o.ClassifierScale, mean, std, generator);
        try
        {
            using var all = FaceTensors.Stack(images, 0, images.Length);
            using var allLabels = tensor(labels, [labels.Length]);
            using var optimizer = new ScalarSafeAdam(network.parameters(), o.LearningRate, o.WeightDecay);
            var augmenter = new FaceAugmenter(o.Augmentation);
            var order = Enumerable.Range(0, images.Length).ToArray();
            var stepsPerEpoch = (images.Length + o.BatchSize - 1) / o.BatchSize;
            var epochs = new List<FaceEpoch>();
            network.train();
            for (var epoch = 1; epoch <= o.Epochs; epoch++)
            {
                random.Shuffle(order);
                var lossSum = 0.0;
                var correct = 0;
                for (var step = 0; step < stepsPerEpoch; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    optimizer.LearningRate = LearningRate(o, epoch - 1 + ((double)step / stepsPerEpoch));
                    var start = step * o.BatchSize;
                    var size = Math.Min(o.BatchSize, order.Length - start);
                    // BatchNorm needs two images to estimate a deviation; a lone last image waits for the next epoch.
                    if (size < 2)
                    {
                        continue;
                    }

                    using var scope = NewDisposeScope();
                    var batchIndex = tensor(order.AsSpan(start, size).ToArray().Select(i => (long)i).ToArray(), [size]);
                    var x = augmenter.Apply(all.index_select(0, batchIndex), random);
                    var y = allLabels.index_select(0, batchIndex);
                    var cosines = network.Cosines(network.forward(x));
                    var logits = cosines.Minus(MarginMatrix(y, size, present.Length, o.Margin)) * tensor((float)o.ClassifierScale);
                    var loss = nn.functional.cross_entropy(logits, y);

                    optimizer.ZeroGrad();
                    loss.backward();
                    optimizer.Step();
                    lossSum += loss.item<float>() * size;
                    correct += (int)cosines.argmax(1).eq(y).sum().item<long>();
                }

                var record = new FaceEpoch(epoch, lossSum / images.Length, (double)correct / images.Length);
                epochs.Add(record);
                progress?.Report(record);
            }

            network.eval();
            return new FaceTrainingResult
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

    /// <summary>Linear warm-up to the peak rate, then cosine decay to 0 at the last step.</summary>
    private static double LearningRate(FaceTrainingOptions o, double epoch)
    {
        if (epoch < o.WarmupEpochs)
        {
            return o.LearningRate * (epoch + 1) / (o.WarmupEpochs + 1);
        }

        var progress = (epoch - o.WarmupEpochs) / (o.Epochs - o.WarmupEpochs);
        return o.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    /// <summary>m at each image's true class, 0 elsewhere: built in C# so no C# number meets a tensor.</summary>
    private static Tensor MarginMatrix(Tensor labels, int size, int classes, double margin)
    {
        var values = new float[size * classes];
        var rows = labels.data<long>().ToArray();
        for (var i = 0; i < size; i++)
        {
            values[(i * classes) + rows[i]] = (float)margin;
        }

        return tensor(values, [size, classes]);
    }

    private static (float Mean, float Std) PixelStatistics(float[][] images)
    {
        double sum = 0, squares = 0;
        long count = 0;
        foreach (var image in images)
        {
            foreach (var v in image)
            {
                sum += v;
                squares += (double)v * v;
            }

            count += image.Length;
        }

        var mean = sum / count;
        var std = Math.Sqrt(Math.Max((squares / count) - (mean * mean), 1e-8));
        return ((float)mean, (float)std);
    }
}
