namespace StreamAnalytics.Imaging;

/// <summary>Why image bytes were refused (see <see cref="InvalidImageException"/>).</summary>
public enum ImageRejectReason
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>More bytes than <see cref="ImageLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The leading bytes match none of PGM, PNG, JPEG, BMP or GIF.</summary>
    UnknownFormat,

    /// <summary>The format was recognised but the data is truncated or corrupt.</summary>
    Undecodable,

    /// <summary>A side is below <see cref="ImageLimits.MinSide"/> (including zero).</summary>
    TooSmall,

    /// <summary>A side above <see cref="ImageLimits.MaxSide"/> or more pixels than <see cref="ImageLimits.MaxPixels"/>.</summary>
    DimensionsTooLarge,
}
