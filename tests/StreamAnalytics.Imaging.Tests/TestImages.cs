using System.Buffers.Binary;
using SkiaSharp;

namespace StreamAnalytics.Imaging.Tests;

/// <summary>Small images built in the test: PNG and JPEG through SkiaSharp's encoders, BMP, GIF and PGM by hand.</summary>
internal static class TestImages
{
    /// <summary>A deterministic grey pattern: a horizontal ramp crossed with stripes.</summary>
    public static byte[] Pattern(int width, int height)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = (byte)(((x * 255) / Math.Max(1, width - 1) + (y % 4 * 20)) % 256);
            }
        }

        return pixels;
    }

    public static byte[] Png(int width, int height, byte[] grey) => Encode(width, height, grey, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(int width, int height, byte[] grey) => Encode(width, height, grey, SKEncodedImageFormat.Jpeg, 95);

    /// <summary>A binary PGM (P5) with maxval 255.</summary>
    public static byte[] PgmBinary(int width, int height, byte[] grey) =>
        [.. System.Text.Encoding.ASCII.GetBytes($"P5\n# made in a test\n{width} {height}\n255\n"), .. grey];

    /// <summary>A plain PGM (P2) with maxval 255.</summary>
    public static byte[] PgmPlain(int width, int height, byte[] grey) =>
        System.Text.Encoding.ASCII.GetBytes($"P2\n{width} {height}\n255\n{string.Join('\n', grey)}\n");

    /// <summary>An uncompressed 24-bit BMP, rows bottom-up and padded to four bytes.</summary>
    public static byte[] Bmp(int width, int height, byte[] grey)
    {
        var stride = ((width * 3) + 3) / 4 * 4;
        var bytes = new byte[54 + (stride * height)];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), stride * height);
        for (var y = 0; y < height; y++)
        {
            var row = 54 + ((height - 1 - y) * stride);
            for (var x = 0; x < width; x++)
            {
                var g = grey[(y * width) + x];
                bytes[row + (3 * x)] = g;
                bytes[row + (3 * x) + 1] = g;
                bytes[row + (3 * x) + 2] = g;
            }
        }

        return bytes;
    }

    /// <summary>
    /// A GIF89a with a 256-level grey palette. The LZW stream holds only literal codes (9 bits), with a clear code
    /// every 254 pixels so the decoder's code width never grows: valid, just uncompressed.
    /// </summary>
    public static byte[] Gif(int width, int height, byte[] grey)
    {
        var output = new List<byte>();
        output.AddRange("GIF89a"u8.ToArray());
        AddUInt16(output, width);
        AddUInt16(output, height);
        output.AddRange([0xF7, 0, 0]);
        for (var i = 0; i < 256; i++)
        {
            output.AddRange([(byte)i, (byte)i, (byte)i]);
        }

        output.Add(0x2C);
        AddUInt16(output, 0);
        AddUInt16(output, 0);
        AddUInt16(output, width);
        AddUInt16(output, height);
        output.Add(0);
        output.Add(8);

        const int Clear = 256;
        const int End = 257;
        var codes = new List<int>();
        for (var i = 0; i < grey.Length; i++)
        {
            if (i % 254 == 0)
            {
                codes.Add(Clear);
            }

            codes.Add(grey[i]);
        }

        codes.Add(End);
        var stream = new List<byte>();
        var buffer = 0;
        var bits = 0;
        foreach (var code in codes)
        {
            buffer |= code << bits;
            bits += 9;
            while (bits >= 8)
            {
                stream.Add((byte)buffer);
                buffer >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            stream.Add((byte)buffer);
        }

        foreach (var block in stream.Chunk(255))
        {
            output.Add((byte)block.Length);
            output.AddRange(block);
        }

        output.Add(0);
        output.Add(0x3B);
        return [.. output];
    }

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> but whose data is one empty
    /// stored zlib block: a few dozen bytes that would need gigabytes if decoded.
    /// </summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        byte[] idat = [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01];
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void AddUInt16(List<byte> output, int value)
    {
        output.Add((byte)value);
        output.Add((byte)(value >> 8));
    }

    private static byte[] Encode(int width, int height, byte[] grey, SKEncodedImageFormat format, int quality)
    {
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(grey, 0, bitmap.GetPixels(), grey.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
