namespace StreamAnalytics.Inference.Faces;

/// <summary>
/// The check a face model passes before it goes live (a <see cref="Hosting.ModelHost{TModel}"/> probe): one batch of
/// synthetic images (gradients, stripes, a checkerboard, noise, a bright oval on a dark ground and its negative) must
/// give finite embeddings of unit length and finite logits.
/// </summary>
public static class FaceModelProbe
{
    /// <summary>The probe batch size. 8.</summary>
    public const int BatchSize = 8;

    /// <summary>How far an embedding's length may be from 1. 1e-3.</summary>
    public const float NormTolerance = 1e-3f;

    /// <summary>Runs the probe batch; throws <see cref="InvalidOperationException"/> naming the first bad output.</summary>
    public static ValueTask CheckAsync(FaceModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        var images = Images();
        var embeddings = new float[BatchSize * model.EmbeddingSize];
        var logits = new float[BatchSize * model.Identities.Count];
        model.Embed(images, BatchSize, embeddings, logits);

        for (var i = 0; i < BatchSize; i++)
        {
            var row = embeddings.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize);
            double squares = 0;
            foreach (var v in row)
            {
                squares += (double)v * v;
            }

            var norm = Math.Sqrt(squares);
            // NaN fails both comparisons, so a non-finite value anywhere in the row is caught here too.
            if (!(Math.Abs(norm - 1) <= NormTolerance))
            {
                throw new InvalidOperationException($"Model {model.Version}: probe image {i} has an embedding of length {norm}, expected 1 ± {NormTolerance}.");
            }

            foreach (var logit in logits.AsSpan(i * model.Identities.Count, model.Identities.Count))
            {
                if (!float.IsFinite(logit))
                {
                    throw new InvalidOperationException($"Model {model.Version}: probe image {i} has a non-finite logit ({logit}).");
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Eight distinct images with structure at several scales: no blank ones, since an all-flat image can
    /// legitimately give a zero embedding before normalisation.</summary>
    private static float[] Images()
    {
        const int h = FaceModel.ImageHeight, w = FaceModel.ImageWidth;
        var images = new float[BatchSize * FaceModel.PixelsPerImage];
        var random = new Random(20_260_101);
        for (var i = 0; i < BatchSize; i++)
        {
            var image = images.AsSpan(i * FaceModel.PixelsPerImage, FaceModel.PixelsPerImage);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var dy = (y - (h / 2.0)) / (h * 0.35);
                    var dx = (x - (w / 2.0)) / (w * 0.3);
                    var oval = (dx * dx) + (dy * dy) <= 1;
                    image[(y * w) + x] = i switch
                    {
                        0 => x / (w - 1f),
                        1 => y / (h - 1f),
                        2 => ((x / 8) + (y / 8)) % 2,
                        3 => random.NextSingle(),
                        4 => oval ? 0.8f : 0.1f,
                        5 => oval ? 0.2f : 0.9f,
                        6 => ((x + y) / 6) % 2 == 0 ? 0.75f : 0.25f,
                        _ => Math.Clamp(0.5f + ((random.NextSingle() - 0.5f) * 0.4f), 0f, 1f),
                    };
                }
            }
        }

        return images;
    }
}
