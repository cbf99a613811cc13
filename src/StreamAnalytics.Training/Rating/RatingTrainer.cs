using System.Diagnostics;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Training.Optimization;
using StreamAnalytics.Training.Torch;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Rating;

/// <summary>
/// Trains a <see cref="RatingNetwork"/> with Adam on minibatches, minimising the squared error of <c>raw</c> plus
/// L2 priors on the rows and layers, and stops early on the validation split, keeping the best epoch's weights.
/// </summary>
/// <remarks>
/// Unknown ids: each training example's user (and, independently, product) row is replaced by row 0 with
/// probability <see cref="RatingTrainingOptions.IdDropout"/> ("id dropout"). Row 0 thus sees a uniform sample of all
/// ratings and learns the population behaviour, and the hidden layer learns to predict from the features alone when
/// an id is unknown; shrinking rare rows to 0 alone would leave row 0 untrained. Ids in the vocabulary that never occur
/// in the training split get row 0's weights at the end. Training changes process-wide libtorch state (the global
/// seed, the thread count), so one training runs at a time per process.
/// </remarks>
public sealed class RatingTrainer
{
    // Validation is predicted in chunks to bound the memory of one forward pass.
    private const int EvaluationChunk = 8192;

    private readonly RatingTrainingOptions _options;

    /// <summary>Creates a trainer; the options are validated here and must not change while it trains.</summary>
    public RatingTrainer(RatingTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Trains on <paramref name="training"/>, choosing the epoch by the MSE on <paramref name="validation"/>.</summary>
    /// <param name="training">The training split; its vocabularies define the tables' rows.</param>
    /// <param name="validation">The validation split, with the same vocabularies and feature names.</param>
    /// <param name="progress">Told after every epoch.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    public RatingTrainingResult Train(
        RatingTrainingData training,
        RatingTrainingData validation,
        IProgress<RatingEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        training.Validate();
        validation.Validate();
        if (training.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException("Both the training and the validation split need at least one rating.");
        }

        if (!training.UserIds.SequenceEqual(validation.UserIds, StringComparer.Ordinal)
            || !training.ProductIds.SequenceEqual(validation.ProductIds, StringComparer.Ordinal)
            || !training.FeatureNames.SequenceEqual(validation.FeatureNames, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                "The validation split must use the training split's vocabularies and feature names.", nameof(validation));
        }

        return ExclusiveTorch.Run(_options.Threads, () => TrainLocked(training, validation, progress, cancellationToken));
    }

    private RatingTrainingResult TrainLocked(
        RatingTrainingData training,
        RatingTrainingData validation,
        IProgress<RatingEpoch>? progress,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var o = _options;
        manual_seed(o.Seed);
        using var generator = new Generator((ulong)o.Seed);
        var random = new Random(o.Seed);

        var (mean, invStd) = RatingFeatureScaling.Compute(training);
        var network = new RatingNetwork(
            training.UserIds.Count,
            training.ProductIds.Count,
            o.Factors,
            o.Hidden,
            mean,
            invStd,
            (float)training.Target.Average(x => (double)x),
            o.RatingMin,
            o.RatingMax,
            generator);
        try
        {
            var userCounts = RowCounts(training.UserIndex, training.UserIds.Count);
            var productCounts = RowCounts(training.ProductIndex, training.ProductIds.Count);
            using var priors = new RowPriors(
                RowWeights(userCounts, training.Count, o.IdDropout, o.FactorL2),
                RowWeights(userCounts, training.Count, o.IdDropout, o.BiasL2),
                RowWeights(productCounts, training.Count, o.IdDropout, o.FactorL2),
                RowWeights(productCounts, training.Count, o.IdDropout, o.BiasL2),
                tensor((float)o.HiddenL2));
            using var optimizer = new ScalarSafeAdam(network.parameters(), o.LearningRate);

            var epochs = new List<RatingEpoch>();
            var order = Enumerable.Range(0, training.Count).ToArray();
            var bestMse = double.PositiveInfinity;
            var bestEpoch = 0;
            RatingModelWeights? best = null;
            var sinceImprovement = 0;
            for (var epoch = 1; epoch <= o.MaxEpochs; epoch++)
            {
                random.Shuffle(order);
                var trainMse = RunEpoch(
                    network, optimizer, training, order, random, priors, cancellationToken);
                var validationMse = Evaluate(network, validation);
                var record = new RatingEpoch(epoch, trainMse, validationMse);
                epochs.Add(record);
                progress?.Report(record);

                var improved = validationMse < bestMse - o.MinImprovement;
                if (validationMse < bestMse)
                {
                    bestMse = validationMse;
                    bestEpoch = epoch;
                    best = network.ToWeights(training.UserIds, training.ProductIds, training.FeatureNames);
                }

                sinceImprovement = improved ? 0 : sinceImprovement + 1;
                var decay = improved ? 1 : o.PlateauDecay;
                optimizer.LearningRate *= decay;

                if (sinceImprovement >= o.Patience)
                {
                    break;
                }
            }

            if (best is null)
            {
                throw new InvalidOperationException(
                    $"Training diverged: the validation MSE was {epochs[0].ValidationMse} after the first epoch.");
            }

            network.Load(UnseenRowsAsUnknown(best, userCounts, productCounts));
            return new RatingTrainingResult
            {
                Network = network,
                Epochs = epochs,
                BestEpoch = bestEpoch,
                BestValidationMse = bestMse,
                Seconds = stopwatch.Elapsed.TotalSeconds,
                UserIds = training.UserIds,
                ProductIds = training.ProductIds,
                FeatureNames = training.FeatureNames,
            };
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>One pass over the shuffled training data; returns the mean squared error of <c>raw</c>.</summary>
    private double RunEpoch(
        RatingNetwork network,
        ScalarSafeAdam optimizer,
        RatingTrainingData data,
        int[] order,
        Random random,
        RowPriors priors,
        CancellationToken cancellationToken)
    {
        var o = _options;
        var f = data.FeatureCount;
        var batch = Math.Min(o.BatchSize, data.Count);
        var users = new long[batch];
        var products = new long[batch];
        var features = new float[batch * f];
        var targets = new float[batch];
        var squaredErrors = 0.0;
        for (var start = 0; start < order.Length; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = Math.Min(batch, order.Length - start);
            for (var b = 0; b < size; b++)
            {
                var i = order[start + b];
                // The same draws happen whatever the rows hold, so a seed fixes the dropout pattern.
                var dropUser = random.NextDouble() < o.IdDropout;
                var dropProduct = random.NextDouble() < o.IdDropout;
                users[b] = dropUser ? 0 : data.UserIndex[i];
                products[b] = dropProduct ? 0 : data.ProductIndex[i];
                Array.Copy(data.Features, (long)i * f, features, (long)b * f, f);
                targets[b] = data.Target[i];
            }

            using var scope = NewDisposeScope();
            var u = tensor(users.AsSpan(0, size).ToArray(), [size]);
            var p = tensor(products.AsSpan(0, size).ToArray(), [size]);
            var x = tensor(features.AsSpan(0, size * f).ToArray(), [size, f]);
            var y = tensor(targets.AsSpan(0, size).ToArray(), [size]);

            optimizer.ZeroGrad();
            var raw = network.forward(u, p, x);
            var dataLoss = nn.functional.mse_loss(raw, y);
            var loss = dataLoss.Plus(Penalty(network, u, p, priors));
            loss.backward();
            optimizer.Step();
            squaredErrors += dataLoss.item<float>() * size;
        }

        return squaredErrors / order.Length;
    }

    /// <summary>
    /// The L2 priors for one batch. The row priors are λ·Σ_rows ‖w‖² over the whole training set, spread over the
    /// examples as λ‖w_i‖²/n_i per occurrence of row i (n_i its expected count), so the batch mean is an unbiased
    /// estimate of the full penalty divided by N, on the same scale as the mean squared error. Only tensors meet
    /// tensors here: see <see cref="RowPriors"/>.
    /// </summary>
    private static Tensor Penalty(RatingNetwork network, Tensor u, Tensor p, RowPriors priors)
    {
        var squares = network.RowSquares(u, p);
        var rows = (priors.UserFactors.index_select(0, u) * squares.UserFactors)
            .Plus(priors.UserBiases.index_select(0, u) * squares.UserBiases)
            .Plus(priors.ProductFactors.index_select(0, p) * squares.ProductFactors)
            .Plus(priors.ProductBiases.index_select(0, p) * squares.ProductBiases);
        return rows.mean().Plus(priors.Layers * network.LayerWeightSquares());
    }

    /// <summary>Mean squared error of the clipped predictions.</summary>
    private static double Evaluate(RatingNetwork network, RatingTrainingData data)
    {
        var f = data.FeatureCount;
        var squaredErrors = 0.0;
        for (var start = 0; start < data.Count; start += EvaluationChunk)
        {
            var size = Math.Min(EvaluationChunk, data.Count - start);
            var predictions = network.Predict(
                data.UserIndex[start..(start + size)],
                data.ProductIndex[start..(start + size)],
                data.Features[(start * f)..((start + size) * f)]);
            for (var i = 0; i < size; i++)
            {
                var error = (double)predictions[i] - data.Target[start + i];
                squaredErrors += error * error;
            }
        }

        return squaredErrors / data.Count;
    }

    /// <summary>How often each row (0..known) occurs in the training split.</summary>
    private static long[] RowCounts(long[] rows, int known)
    {
        var counts = new long[known + 1];
        foreach (var row in rows)
        {
            counts[row]++;
        }

        return counts;
    }

    /// <summary>λ / expected occurrences per row under id dropout (0 for a row that never occurs).</summary>
    private static Tensor RowWeights(long[] counts, int examples, double dropout, double lambda)
    {
        var weights = new float[counts.Length];
        for (var row = 0; row < counts.Length; row++)
        {
            var expected = row == 0
                ? counts[0] + (dropout * (examples - counts[0]))
                : (1 - dropout) * counts[row];
            weights[row] = expected > 0 ? (float)(lambda / Math.Max(expected, 1)) : 0f;
        }

        return tensor(weights, [weights.Length]);
    }

    /// <summary>Gives rows that no training example used the unknown row's weights instead of their initial ones.</summary>
    private static RatingModelWeights UnseenRowsAsUnknown(RatingModelWeights weights, long[] userCounts, long[] productCounts)
    {
        CopyUnknownRow(weights.UserBias, weights.UserFactors, userCounts, weights.Factors);
        CopyUnknownRow(weights.ProductBias, weights.ProductFactors, productCounts, weights.Factors);
        return weights;
    }

    private static void CopyUnknownRow(float[] bias, float[] factors, long[] counts, int k)
    {
        for (var row = 1; row < counts.Length; row++)
        {
            if (counts[row] == 0)
            {
                bias[row] = bias[0];
                Array.Copy(factors, 0, factors, row * k, k);
            }
        }
    }
}
