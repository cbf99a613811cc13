using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.OnnxRuntime;
using static StreamAnalytics.Inference.Rating.RatingModelContract;

namespace StreamAnalytics.Inference.Rating;

/// <summary>
/// One loaded rating model (contract kind <c>rating</c>): an ONNX Runtime session over the exported bytes, checked
/// against the contract and the caller's features, with the id → row vocabularies from its metadata. Predictions are
/// thread-safe (ONNX Runtime's Run is); dispose only when no call is running (a <see cref="ModelHost{TModel}"/>
/// lease guarantees that).
/// </summary>
public sealed class RatingModel : IServedModel
{
    private static readonly string[] InputNames = [UserIndexInput, ProductIndexInput, FeaturesInput];
    private static readonly string[] OutputNames = [RatingOutput];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly Dictionary<string, long> _userRows;
    private readonly Dictionary<string, long> _productRows;
    private volatile bool _disposed;

    /// <summary>Loads and checks a model.</summary>
    /// <param name="onnx">The exported model bytes.</param>
    /// <param name="expectedFeatureNames">The features the caller computes, in the order it passes them; the model's
    /// <c>sa.features</c> must be exactly these.</param>
    /// <exception cref="ModelLoadException">The bytes are not a model, not a rating model, or not one for these features.</exception>
    public RatingModel(byte[] onnx, IReadOnlyList<string> expectedFeatureNames)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(expectedFeatureNames);
        try
        {
            _session = OnnxSessions.Create(onnx);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(ModelLoadFailure.Corrupt, $"ONNX Runtime cannot load the {onnx.Length} bytes as a model: {e.Message}", e);
        }

        _runOptions = new RunOptions();
        try
        {
            var metadata = RatingModelMetadata.Read(_session.ModelMetadata.CustomMetadataMap);
            FeatureCount = RatingModelSignature.Check(_session);
            CheckFeatures(metadata.FeatureNames, FeatureCount, expectedFeatureNames);
            Version = metadata.Version;
            TrainedAt = metadata.TrainedAt;
            FeatureNames = metadata.FeatureNames;
            RatingMin = metadata.RatingMin;
            RatingMax = metadata.RatingMax;
            _userRows = Rows(metadata.UserIds, UsersKey);
            _productRows = Rows(metadata.ProductIds, ProductsKey);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The version the model was exported with (<c>sa.version</c>).</summary>
    public string Version { get; }

    /// <summary>When the model was trained (<c>sa.trainedAt</c>), UTC.</summary>
    public DateTimeOffset TrainedAt { get; }

    /// <summary>The side features the model takes, in order (<c>sa.features</c>).</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>F, the number of features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>The lowest rating the model predicts (<c>sa.ratingMin</c>).</summary>
    public float RatingMin { get; }

    /// <summary>The highest rating the model predicts (<c>sa.ratingMax</c>).</summary>
    public float RatingMax { get; }

    /// <summary>U, the number of known users; rows run from 0 (unknown) to U.</summary>
    public int UserCount => _userRows.Count;

    /// <summary>P, the number of known products; rows run from 0 (unknown) to P.</summary>
    public int ProductCount => _productRows.Count;

    /// <summary>The user's row, 0 (the unknown row) for an id the model was not trained on.</summary>
    public long UserRow(string userId) => _userRows.GetValueOrDefault(userId);

    /// <summary>The product's row, 0 (the unknown row) for an id the model was not trained on.</summary>
    public long ProductRow(string productId) => _productRows.GetValueOrDefault(productId);

    /// <summary>Predicts <paramref name="count"/> ratings in one batched run.</summary>
    /// <param name="users">User rows, at least <paramref name="count"/>.</param>
    /// <param name="products">Product rows, at least <paramref name="count"/>.</param>
    /// <param name="features">Raw features, row-major, at least <paramref name="count"/> × F.</param>
    /// <param name="count">The batch size.</param>
    public float[] Predict(ReadOnlySpan<long> users, ReadOnlySpan<long> products, ReadOnlySpan<float> features, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ratings = new float[count];
        Predict(users[..count], products[..count], features[..(count * FeatureCount)], ratings);
        return ratings;
    }

    /// <summary>
    /// Predicts <c>ratings.Length</c> ratings in one batched run into the caller's buffer. The inputs are handed to
    /// ONNX Runtime in place (pinned, not copied) and it writes the output straight into <paramref name="ratings"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length does not match the batch, or a row is out of range.</exception>
    public unsafe void Predict(ReadOnlySpan<long> users, ReadOnlySpan<long> products, ReadOnlySpan<float> features, Span<float> ratings)
    {
        var count = ratings.Length;
        CheckBatch(users, products, features, count);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count == 0)
        {
            return;
        }

        var memory = OrtMemoryInfo.DefaultInstance;
        fixed (long* u = users)
        fixed (long* p = products)
        fixed (float* f = features)
        fixed (float* r = ratings)
        {
            // The values only borrow the pinned memory and are disposed before the fixed scope ends.
            using var userValue = OrtValue.CreateTensorValueWithData(memory, TensorElementType.Int64, [count], (nint)u, count * sizeof(long));
            using var productValue = OrtValue.CreateTensorValueWithData(memory, TensorElementType.Int64, [count], (nint)p, count * sizeof(long));
            using var featureValue = OrtValue.CreateTensorValueWithData(
                memory, TensorElementType.Float, [count, FeatureCount], (nint)f, (long)features.Length * sizeof(float));
            using var ratingValue = OrtValue.CreateTensorValueWithData(memory, TensorElementType.Float, [count], (nint)r, count * sizeof(float));
            _session.Run(_runOptions, InputNames, [userValue, productValue, featureValue], OutputNames, [ratingValue]);
        }
    }

    /// <summary>Releases the native session. Not safe while a prediction is running; idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
        _runOptions.Dispose();
    }

    private void CheckBatch(ReadOnlySpan<long> users, ReadOnlySpan<long> products, ReadOnlySpan<float> features, int count)
    {
        if (users.Length != count || products.Length != count || features.Length != (long)count * FeatureCount)
        {
            throw new ArgumentException(
                $"A batch of {count} needs {count} users, {count} products and {count}x{FeatureCount} features; got {users.Length}, {products.Length} and {features.Length}.");
        }

        // Gather would read a negative row from the end of the table and fail natively past it: reject both here.
        CheckRows(users, UserCount, nameof(users));
        CheckRows(products, ProductCount, nameof(products));
    }

    private static void CheckRows(ReadOnlySpan<long> rows, int known, string name)
    {
        foreach (var row in rows)
        {
            if ((ulong)row > (ulong)known)
            {
                throw new ArgumentOutOfRangeException(name, row, $"Rows run from 0 (unknown) to {known}.");
            }
        }
    }

    private static void CheckFeatures(IReadOnlyList<string> declared, int graphCount, IReadOnlyList<string> expected)
    {
        if (declared.Count != graphCount)
        {
            throw new ModelLoadException(
                ModelLoadFailure.BadMetadata, $"{FeaturesKey} names {declared.Count} features but input {FeaturesInput} takes {graphCount}.");
        }

        if (graphCount != expected.Count)
        {
            throw new ModelLoadException(
                ModelLoadFailure.FeatureMismatch, $"the model takes {graphCount} features but the caller computes {expected.Count}.");
        }

        for (var i = 0; i < graphCount; i++)
        {
            if (!string.Equals(declared[i], expected[i], StringComparison.Ordinal))
            {
                throw new ModelLoadException(
                    ModelLoadFailure.FeatureMismatch, $"feature {i} is '{declared[i]}' in the model but '{expected[i]}' for the caller.");
            }
        }
    }

    private static Dictionary<string, long> Rows(IReadOnlyList<string> ids, string key)
    {
        var rows = new Dictionary<string, long>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!rows.TryAdd(ids[i], i + 1))
            {
                throw new ModelLoadException(ModelLoadFailure.BadMetadata, $"{key} repeats the id '{ids[i]}'.");
            }
        }

        return rows;
    }
}
