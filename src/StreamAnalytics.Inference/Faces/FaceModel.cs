using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.OnnxRuntime;
using static StreamAnalytics.Inference.Faces.FaceModelContract;

namespace StreamAnalytics.Inference.Faces;

/// <summary>
/// One loaded face model (contract kind <c>face</c>): an ONNX Runtime session over the exported bytes, checked against
/// the contract, with the identities and open-set threshold from its metadata. Embedding is thread-safe (ONNX
/// Runtime's Run is); dispose only when no call is running (a <see cref="ModelHost{TModel}"/> lease guarantees that).
/// </summary>
public sealed class FaceModel : IServedModel
{
    /// <summary>The image height the model takes, in pixels: 112.</summary>
    public const int ImageHeight = InputHeight;

    /// <summary>The image width the model takes, in pixels: 92.</summary>
    public const int ImageWidth = InputWidth;

    /// <summary>Floats per image: one grey channel of <see cref="ImageHeight"/> x <see cref="ImageWidth"/>, row-major, in [0, 1].</summary>
    public const int PixelsPerImage = InputChannels * InputHeight * InputWidth;

    private static readonly string[] InputNames = [ImageInput];
    private static readonly string[] EmbeddingOnly = [EmbeddingOutput];
    private static readonly string[] EmbeddingAndLogits = [EmbeddingOutput, LogitsOutput];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private volatile bool _disposed;

    /// <summary>Loads and checks a model.</summary>
    /// <param name="onnx">The exported model bytes.</param>
    /// <exception cref="ModelLoadException">The bytes are not a model, not a face model, or off the face contract.</exception>
    public FaceModel(byte[] onnx)
    {
        ArgumentNullException.ThrowIfNull(onnx);
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
            var metadata = FaceModelMetadata.Read(_session.ModelMetadata.CustomMetadataMap);
            (EmbeddingSize, var classes) = FaceModelSignature.Check(_session);
            if (metadata.Identities.Count != classes)
            {
                throw new ModelLoadException(
                    ModelLoadFailure.BadMetadata, $"{IdentitiesKey} names {metadata.Identities.Count} identities but output {LogitsOutput} has {classes}.");
            }

            Version = metadata.Version;
            TrainedAt = metadata.TrainedAt;
            Identities = metadata.Identities;
            Threshold = metadata.Threshold;
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

    /// <summary>E, the number of floats per embedding.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The K identities the classifier was trained on, in logit order (<c>sa.identities</c>).</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>The open-set threshold (<c>sa.threshold</c>): a best cosine similarity below it means "unknown".</summary>
    public float Threshold { get; }

    /// <summary>Embeds <paramref name="count"/> images in one batched run.</summary>
    /// <param name="images">At least <paramref name="count"/> × <see cref="PixelsPerImage"/> pixels.</param>
    /// <param name="count">The batch size.</param>
    /// <returns><paramref name="count"/> × <see cref="EmbeddingSize"/> floats, row-major; each row has unit length.</returns>
    public float[] Embed(ReadOnlySpan<float> images, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var embeddings = new float[checked(count * EmbeddingSize)];
        Embed(images, count, embeddings);
        return embeddings;
    }

    /// <summary>
    /// Embeds <paramref name="count"/> images in one batched run into the caller's buffer. The images are handed to ONNX
    /// Runtime in place (pinned, not copied) and it writes the embeddings straight into <paramref name="embeddings"/>.
    /// </summary>
    /// <param name="images">Pixels, row-major [count, 1, 112, 92], in [0, 1]; only the first count × <see cref="PixelsPerImage"/> are read.</param>
    /// <param name="count">The batch size; 0 does nothing.</param>
    /// <param name="embeddings">Receives count × <see cref="EmbeddingSize"/> floats at its start, one unit-length row per image.</param>
    /// <exception cref="ArgumentException">A span is shorter than the batch needs.</exception>
    public void Embed(ReadOnlySpan<float> images, int count, Span<float> embeddings) => Run(images, count, embeddings, [], withLogits: false);

    /// <summary>
    /// Like <see cref="Embed(ReadOnlySpan{float}, int, Span{float})"/>, also writing the classifier's logits in the same
    /// run (one small matrix product more).
    /// </summary>
    /// <param name="images">Pixels, row-major [count, 1, 112, 92], in [0, 1].</param>
    /// <param name="count">The batch size; 0 does nothing.</param>
    /// <param name="embeddings">Receives count × <see cref="EmbeddingSize"/> floats at its start.</param>
    /// <param name="logits">Receives count × <c>Identities.Count</c> floats at its start, in <see cref="Identities"/> order.</param>
    /// <exception cref="ArgumentException">A span is shorter than the batch needs.</exception>
    public void Embed(ReadOnlySpan<float> images, int count, Span<float> embeddings, Span<float> logits) =>
        Run(images, count, embeddings, logits, withLogits: true);

    /// <summary>Releases the native session. Not safe while a call is running; idempotent.</summary>
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

    private unsafe void Run(ReadOnlySpan<float> images, int count, Span<float> embeddings, Span<float> logits, bool withLogits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var classes = Identities.Count;
        RequireLength(images.Length, (long)count * PixelsPerImage, nameof(images), "PixelsPerImage");
        RequireLength(embeddings.Length, (long)count * EmbeddingSize, nameof(embeddings), "EmbeddingSize");
        if (withLogits)
        {
            RequireLength(logits.Length, (long)count * classes, nameof(logits), "Identities.Count");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count == 0)
        {
            return;
        }

        var memory = OrtMemoryInfo.DefaultInstance;
        fixed (float* image = images)
        fixed (float* embedding = embeddings)
        fixed (float* logit = logits)
        {
            // The values only borrow the pinned memory and are disposed before the fixed scope ends.
            using var imageValue = OrtValue.CreateTensorValueWithData(
                memory, TensorElementType.Float, [count, InputChannels, InputHeight, InputWidth], (nint)image, (long)count * PixelsPerImage * sizeof(float));
            using var embeddingValue = OrtValue.CreateTensorValueWithData(
                memory, TensorElementType.Float, [count, EmbeddingSize], (nint)embedding, (long)count * EmbeddingSize * sizeof(float));
            if (!withLogits)
            {
                _session.Run(_runOptions, InputNames, [imageValue], EmbeddingOnly, [embeddingValue]);
                return;
            }

            using var logitsValue = OrtValue.CreateTensorValueWithData(
                memory, TensorElementType.Float, [count, classes], (nint)logit, (long)count * classes * sizeof(float));
            _session.Run(_runOptions, InputNames, [imageValue], EmbeddingAndLogits, [embeddingValue, logitsValue]);
        }
    }

    private static void RequireLength(int actual, long needed, string name, string per)
    {
        if (actual < needed)
        {
            throw new ArgumentException($"The batch needs {needed} floats (count x {per}) in {name}; it has {actual}.", name);
        }
    }
}
