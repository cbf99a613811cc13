namespace StreamAnalytics.Imaging;

/// <summary>Recognises an image format from its signature bytes.</summary>
public static class ImageFormatSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>The format <paramref name="bytes"/> start with, or <see cref="ImageFormat.Unknown"/>.</summary>
    public static ImageFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return ImageFormat.Png;
        }

        if (bytes.StartsWith(JpegSignature))
        {
            return ImageFormat.Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (bytes.StartsWith("BM"u8))
        {
            return ImageFormat.Bmp;
        }

        // P5 or P2 followed by whitespace: a bare "P5" prefix could start a text file.
        if (bytes.Length >= 3 && bytes[0] == 'P' && (bytes[1] == '5' || bytes[1] == '2') && PgmReader.IsWhitespace(bytes[2]))
        {
            return ImageFormat.Pgm;
        }

        return ImageFormat.Unknown;
    }
}
