namespace StreamAnalytics.Imaging;

/// <summary>
/// A small strict reader for Netpbm greymaps: binary <c>P5</c> and plain <c>P2</c>, maxval 1-65535 (two bytes a
/// sample, most significant first, above 255), <c>#</c> comments in the header. Our own because SkiaSharp has no PGM
/// codec, and ORL (the face model's training set) is PGM.
/// </summary>
/// <remarks>
/// The header's dimensions are checked against the limits before the pixel array is allocated. Samples are rescaled to
/// 0-255 (maxval 255, ORL's, is copied unchanged). A sample above maxval, too few samples, or a malformed header is
/// <see cref="ImageRejectReason.Undecodable"/>. Bytes after the raster are ignored (Netpbm allows several images in a
/// file; only the first is read).
/// </remarks>
internal static class PgmReader
{
    public static GreyImage Read(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        var binary = bytes[1] == '5';
        var position = 2;
        var width = ReadHeaderNumber(bytes, ref position, "width");
        var height = ReadHeaderNumber(bytes, ref position, "height");
        var maxValue = ReadHeaderNumber(bytes, ref position, "maxval");
        if (maxValue is < 1 or > 65535)
        {
            throw Undecodable($"the maxval {maxValue} is outside 1-65535");
        }

        limits.CheckDimensions(width, height);
        if (position >= bytes.Length || !IsWhitespace(bytes[position]))
        {
            throw Undecodable("the header does not end in whitespace");
        }

        // Exactly one whitespace byte separates a binary header from the raster.
        position++;
        var pixels = new byte[checked((int)(width * height))];
        if (binary)
        {
            ReadBinary(bytes[position..], pixels, maxValue);
        }
        else
        {
            ReadPlain(bytes, position, pixels, maxValue);
        }

        return new GreyImage((int)width, (int)height, pixels);
    }

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    private static void ReadBinary(ReadOnlySpan<byte> raster, byte[] pixels, long maxValue)
    {
        var sampleBytes = maxValue > 255 ? 2 : 1;
        if (raster.Length < (long)pixels.Length * sampleBytes)
        {
            throw Undecodable($"the raster has {raster.Length} bytes, expected {(long)pixels.Length * sampleBytes}");
        }

        if (maxValue == 255)
        {
            // ORL's maxval: a byte cannot exceed it and needs no rescaling, so the raster is the pixels.
            raster[..pixels.Length].CopyTo(pixels);
            return;
        }

        for (var i = 0; i < pixels.Length; i++)
        {
            var sample = sampleBytes == 1 ? raster[i] : (raster[2 * i] << 8) | raster[(2 * i) + 1];
            pixels[i] = Scale(sample, maxValue);
        }
    }

    private static void ReadPlain(ReadOnlySpan<byte> bytes, int position, byte[] pixels, long maxValue)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            SkipWhitespace(bytes, ref position, allowComments: false);
            if (position >= bytes.Length)
            {
                throw Undecodable($"the raster ends after {i} of {pixels.Length} samples");
            }

            var sample = ReadDigits(bytes, ref position, "sample");
            pixels[i] = Scale(sample, maxValue);
        }
    }

    private static byte Scale(long sample, long maxValue)
    {
        if (sample > maxValue)
        {
            throw Undecodable($"a sample ({sample}) is above the maxval {maxValue}");
        }

        return maxValue == 255 ? (byte)sample : (byte)(((sample * 255) + (maxValue / 2)) / maxValue);
    }

    private static long ReadHeaderNumber(ReadOnlySpan<byte> bytes, ref int position, string field)
    {
        var start = position;
        SkipWhitespace(bytes, ref position, allowComments: true);
        if (position == start)
        {
            throw Undecodable($"no whitespace before the {field}");
        }

        return ReadDigits(bytes, ref position, field);
    }

    private static long ReadDigits(ReadOnlySpan<byte> bytes, ref int position, string field)
    {
        long value = 0;
        var digits = 0;
        while (position < bytes.Length && bytes[position] is >= (byte)'0' and <= (byte)'9')
        {
            // Nine digits are plenty for any accepted size; more would only overflow.
            if (++digits > 9)
            {
                throw Undecodable($"the {field} has too many digits");
            }

            value = (value * 10) + (bytes[position] - '0');
            position++;
        }

        if (digits == 0)
        {
            throw Undecodable($"the {field} is missing or not a number");
        }

        return value;
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> bytes, ref int position, bool allowComments)
    {
        while (position < bytes.Length)
        {
            if (IsWhitespace(bytes[position]))
            {
                position++;
            }
            else if (allowComments && bytes[position] == '#')
            {
                while (position < bytes.Length && bytes[position] != '\n' && bytes[position] != '\r')
                {
                    position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private static InvalidImageException Undecodable(string problem) =>
        new(ImageRejectReason.Undecodable, $"The PGM image is malformed: {problem}.");
}
