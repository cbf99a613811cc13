using StreamAnalytics.Imaging;
using StreamAnalytics.Inference.Faces;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// Fitted face images as they are stored (one byte per grey pixel, 10,304 bytes) and as the model takes them (floats in
/// [0, 1]). Enrolment embeds the stored bytes, not the floats they came from, so re-embedding a stored face after a
/// model swap gives exactly what enrolling it with that model would have.
/// </summary>
public static class FacePixels
{
    /// <summary>Decodes and fits an image, quantised to stored bytes. Throws <see cref="InvalidImageException"/>.</summary>
    public static byte[] DecodeToStored(ReadOnlySpan<byte> encoded)
    {
        var fitted = FaceImageFitter.DecodeAndFit(encoded);
        var stored = new byte[fitted.Length];
        for (var i = 0; i < fitted.Length; i++)
        {
            stored[i] = (byte)Math.Clamp(MathF.Round(fitted[i] * 255f), 0f, 255f);
        }

        return stored;
    }

    /// <summary>Stored bytes back to model input.</summary>
    public static void ToModelInput(ReadOnlySpan<byte> stored, Span<float> input)
    {
        if (stored.Length != FaceModel.PixelsPerImage || input.Length < FaceModel.PixelsPerImage)
        {
            throw new ArgumentException($"A stored face has {FaceModel.PixelsPerImage} bytes (was {stored.Length}).", nameof(stored));
        }

        for (var i = 0; i < stored.Length; i++)
        {
            input[i] = stored[i] / 255f;
        }
    }

    /// <summary>Embeds stored faces with <paramref name="model"/> in one batch; one unit-length row per face.</summary>
    public static float[][] Embed(FaceModel model, IReadOnlyList<byte[]> stored)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stored);
        var input = new float[stored.Count * FaceModel.PixelsPerImage];
        for (var i = 0; i < stored.Count; i++)
        {
            ToModelInput(stored[i], input.AsSpan(i * FaceModel.PixelsPerImage, FaceModel.PixelsPerImage));
        }

        var flat = model.Embed(input, stored.Count);
        return [.. Enumerable.Range(0, stored.Count).Select(i => flat.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize).ToArray())];
    }
}
