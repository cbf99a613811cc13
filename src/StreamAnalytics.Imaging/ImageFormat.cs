namespace StreamAnalytics.Imaging;

/// <summary>The image formats the decoder reads, recognised by their leading bytes (never by a file name).</summary>
public enum ImageFormat
{
    /// <summary>None of the formats below.</summary>
    Unknown,

    /// <summary>Netpbm greymap, binary (<c>P5</c>) or plain text (<c>P2</c>).</summary>
    Pgm,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>JPEG (JFIF or Exif).</summary>
    Jpeg,

    /// <summary>Windows bitmap.</summary>
    Bmp,

    /// <summary>GIF 87a or 89a (the first frame).</summary>
    Gif,
}
