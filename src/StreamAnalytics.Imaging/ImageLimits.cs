namespace StreamAnalytics.Imaging;

/// <summary>
/// What <see cref="FaceImageDecoder"/> accepts. The dimensions are read from the header and checked before any pixel
/// memory is allocated, so a tiny file that claims a huge image costs nothing.
/// </summary>
public sealed record ImageLimits
{
    /// <summary>The limits the API and the readers use.</summary>
    public static ImageLimits Default { get; } = new();

    /// <summary>The most bytes one image may have. Defaults to 10 MiB.</summary>
    public int MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// The shortest side accepted. Defaults to 16: a face in fewer pixels than that carries nothing the model can use,
    /// so a 1×1 image is refused (<see cref="ImageRejectReason.TooSmall"/>) rather than stretched.
    /// </summary>
    public int MinSide { get; init; } = 16;

    /// <summary>The longest side accepted. Defaults to 8192.</summary>
    public int MaxSide { get; init; } = 8192;

    /// <summary>The most pixels (width × height) accepted. Defaults to 40,000,000.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Throws <see cref="InvalidImageException"/> when a header's dimensions are outside the limits.</summary>
    public void CheckDimensions(long width, long height)
    {
        if (width < MinSide || height < MinSide)
        {
            throw new InvalidImageException(
                ImageRejectReason.TooSmall,
                $"The image is {width}x{height}; each side must be at least {MinSide} pixels.");
        }

        if (width > MaxSide || height > MaxSide || width * height > MaxPixels)
        {
            throw new InvalidImageException(
                ImageRejectReason.DimensionsTooLarge,
                $"The image is {width}x{height}; at most {MaxSide} pixels a side and {MaxPixels:N0} pixels are accepted.");
        }
    }
}
