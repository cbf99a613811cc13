using SkiaSharp;

namespace StreamAnalytics.Imaging;

/// <summary>
/// Decodes PNG, JPEG, BMP and GIF (the first frame) with SkiaSharp's codecs and converts them to grey. The codec reads
/// only the header when it is created, so the dimensions are checked before the pixel buffer exists.
/// </summary>
/// <remarks>
/// Pixels are decoded premultiplied, which is the colour composited over black, so transparent areas come out black
/// like ORL's background. Grey = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601 luma), rounded. A codec that stops early
/// (<see cref="SKCodecResult.IncompleteInput"/>: a truncated file) is refused rather than served half grey.
/// </remarks>
internal static class SkiaImageReader
{
    public static GreyImage Read(ReadOnlySpan<byte> bytes, ImageFormat format, ImageLimits limits)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidImageException(
                ImageRejectReason.Undecodable,
                $"The {format} image's header could not be read: it is truncated or corrupt.");
        var width = codec.Info.Width;
        var height = codec.Info.Height;
        limits.CheckDimensions(width, height);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var result = codec.GetPixels(info, out var rgba);
        if (result != SKCodecResult.Success)
        {
            throw new InvalidImageException(
                ImageRejectReason.Undecodable,
                $"The {format} image could not be decoded ({result}): it is truncated or corrupt.");
        }

        return new GreyImage(width, height, ToGrey(rgba, width * height));
    }

    private static byte[] ToGrey(byte[] rgba, int count)
    {
        var grey = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var p = 4 * i;
            grey[i] = (byte)(((299 * rgba[p]) + (587 * rgba[p + 1]) + (114 * rgba[p + 2]) + 500) / 1000);
        }

        return grey;
    }
}
