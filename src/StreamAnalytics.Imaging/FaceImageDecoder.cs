namespace StreamAnalytics.Imaging;

/// <summary>
/// Turns untrusted image bytes (PGM, PNG, JPEG, BMP or GIF, recognised by their signature) into a
/// <see cref="GreyImage"/>, or refuses them with an <see cref="InvalidImageException"/> whose
/// <see cref="InvalidImageException.Reason"/> says why. Thread-safe.
/// </summary>
/// <remarks>
/// The checks run cheapest first: empty, too many bytes, unknown signature, then the header's dimensions (before any
/// pixel memory is allocated), then the decode itself. PGM is read by our own <c>PgmReader</c> because SkiaSharp has
/// no PGM codec; the other formats go through SkiaSharp.
/// </remarks>
public static class FaceImageDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> within <see cref="ImageLimits.Default"/>.</summary>
    /// <exception cref="InvalidImageException">The bytes are not an acceptable image.</exception>
    public static GreyImage Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, ImageLimits.Default);

    /// <summary>Decodes <paramref name="bytes"/> within <paramref name="limits"/>.</summary>
    /// <exception cref="InvalidImageException">The bytes are not an acceptable image.</exception>
    public static GreyImage Decode(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (bytes.IsEmpty)
        {
            throw new InvalidImageException(ImageRejectReason.Empty, "The image is empty.");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            throw new InvalidImageException(
                ImageRejectReason.TooLarge,
                $"The image has {bytes.Length:N0} bytes; at most {limits.MaxBytes:N0} are accepted.");
        }

        var format = ImageFormatSniffer.Detect(bytes);
        return format switch
        {
            ImageFormat.Unknown => throw new InvalidImageException(
                ImageRejectReason.UnknownFormat,
                "The bytes are not a PGM, PNG, JPEG, BMP or GIF image."),
            ImageFormat.Pgm => PgmReader.Read(bytes, limits),
            _ => SkiaImageReader.Read(bytes, format, limits),
        };
    }
}
