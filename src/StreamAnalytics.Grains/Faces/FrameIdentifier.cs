using System.Buffers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Inference.Batching;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// A silo's face identification, shared by every camera grain on it: frames are embedded in batches by one
/// <see cref="InferenceBatcher{TInput, TOutput}"/> (so frames of many cameras share a model call), then searched in
/// the gallery of the model version that embedded them.
/// </summary>
public sealed class FrameIdentifier : IAsyncDisposable
{
    /// <summary>The model kind, in metrics and logs.</summary>
    public const string Kind = "face";

    private readonly ModelHost<FaceModel> _models;
    private readonly GallerySynchronizer _galleries;
    private readonly int _topK;
    private readonly InferenceBatcher<float[], FaceEmbedding> _batcher;

    /// <summary>Starts the silo's batcher with <see cref="FaceServingOptions.Batching"/>.</summary>
    public FrameIdentifier(ModelHost<FaceModel> models, GallerySynchronizer galleries, IOptions<FaceServingOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        _models = models;
        _galleries = galleries;
        _topK = options.Value.TopK;
        _batcher = new InferenceBatcher<float[], FaceEmbedding>(EmbedBatch, options.Value.Batching, new InferenceBatcherInstruments(meters, Kind));
    }

    /// <summary>Frames waiting for a batch now.</summary>
    public int QueueLength => _batcher.QueueLength;

    /// <summary>
    /// Embeds <paramref name="pixels"/> (a fitted image, <see cref="FaceModel.PixelsPerImage"/> floats in [0, 1]) in the
    /// next batch and identifies it. Throws <see cref="NoModelLoadedException"/> when no model is loaded and
    /// <see cref="BatcherOverloadedException"/> when the queue is full.
    /// </summary>
    public async Task<(IdentificationResult Result, string ModelVersion)> IdentifyAsync(float[] pixels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != FaceModel.PixelsPerImage)
        {
            throw new ArgumentException($"A fitted frame has {FaceModel.PixelsPerImage} pixels (was {pixels.Length}).", nameof(pixels));
        }

        if (!_models.HasModel)
        {
            throw new NoModelLoadedException(_models.Name);
        }

        var embedding = await _batcher.SubmitAsync(pixels, cancellationToken).ConfigureAwait(false);
        var result = _galleries.For(embedding.ModelVersion) is { } gallery
            ? gallery.Identify(embedding.Vector, _topK)
            : new IdentificationResult(null, Unknown: true, Score: -1f, Candidates: []);
        return (result, embedding.ModelVersion);
    }

    /// <summary>Runs what is queued and stops the batcher.</summary>
    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    private ValueTask EmbedBatch(ReadOnlyMemory<float[]> inputs, Memory<FaceEmbedding> outputs)
    {
        var count = inputs.Length;
        var pool = ArrayPool<float>.Shared;
        var images = pool.Rent(count * FaceModel.PixelsPerImage);
        try
        {
            for (var i = 0; i < count; i++)
            {
                inputs.Span[i].CopyTo(images.AsSpan(i * FaceModel.PixelsPerImage, FaceModel.PixelsPerImage));
            }

            using var lease = _models.Acquire();
            var model = lease.Model;
            var embeddings = model.Embed(images.AsSpan(0, count * FaceModel.PixelsPerImage), count);
            var rows = outputs.Span;
            for (var i = 0; i < count; i++)
            {
                rows[i] = new FaceEmbedding(embeddings.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize).ToArray(), model.Version);
            }
        }
        finally
        {
            pool.Return(images);
        }

        return ValueTask.CompletedTask;
    }
}
