namespace StreamAnalytics.Imaging.Tests;

public sealed class FaceImageDecoderTests
{
    private const int W = 40;
    private const int H = 30;

    public static TheoryData<string> LosslessFormats => ["png", "bmp", "gif", "pgm-binary", "pgm-plain"];

    [Theory]
    [MemberData(nameof(LosslessFormats))]
    public void Lossless_formats_round_trip_every_grey_level(string format)
    {
        var grey = TestImages.Pattern(W, H);

        var image = FaceImageDecoder.Decode(Encode(format, grey));

        Assert.Equal((W, H), (image.Width, image.Height));
        Assert.Equal(grey, image.Pixels);
    }

    [Fact]
    public void Jpeg_decodes_close_to_the_original()
    {
        var grey = TestImages.Pattern(W, H);

        var image = FaceImageDecoder.Decode(TestImages.Jpeg(W, H, grey));

        Assert.Equal((W, H), (image.Width, image.Height));
        var meanError = grey.Zip(image.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 6, $"mean absolute error {meanError}");
    }

    [Fact]
    public void Sixteen_bit_pgm_is_scaled_to_eight_bits()
    {
        byte[] bytes = [.. "P5 16 16 65535\n"u8.ToArray(), .. Enumerable.Repeat<byte[]>([0xFF, 0xFF], 128).SelectMany(b => b), .. new byte[256]];

        var image = FaceImageDecoder.Decode(bytes);

        Assert.All(image.Pixels.Take(128), p => Assert.Equal(255, p));
        Assert.All(image.Pixels.Skip(128), p => Assert.Equal(0, p));
    }

    [Fact]
    public void Empty_bytes_are_refused_as_empty() => AssertRefused([], ImageRejectReason.Empty);

    [Fact]
    public void More_than_ten_mebibytes_are_refused_before_decoding()
    {
        var bytes = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Png(W, H, TestImages.Pattern(W, H)).CopyTo(bytes, 0);

        AssertRefused(bytes, ImageRejectReason.TooLarge);
    }

    [Fact]
    public void Random_bytes_are_an_unknown_format()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x00;

        AssertRefused(bytes, ImageRejectReason.UnknownFormat);
    }

    [Fact]
    public void Random_bytes_behind_a_png_signature_are_undecodable()
    {
        var bytes = TestImages.Png(W, H, TestImages.Pattern(W, H));
        new Random(7).NextBytes(bytes.AsSpan(8));

        AssertRefused(bytes, ImageRejectReason.Undecodable);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("gif")]
    [InlineData("bmp")]
    [InlineData("pgm-binary")]
    public void Truncated_image_is_undecodable(string format)
    {
        var bytes = Encode(format, TestImages.Pattern(W, H));

        AssertRefused(bytes[..(bytes.Length * 2 / 3)], ImageRejectReason.Undecodable);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("pgm-binary")]
    public void One_by_one_image_is_too_small(string format) =>
        AssertRefused(Encode(format, [128], 1, 1), ImageRejectReason.TooSmall);

    [Fact]
    public void Sixteen_by_sixteen_is_the_smallest_accepted()
    {
        Assert.Equal(16, FaceImageDecoder.Decode(TestImages.Png(16, 16, TestImages.Pattern(16, 16))).Width);
        AssertRefused(TestImages.Png(15, 16, TestImages.Pattern(15, 16)), ImageRejectReason.TooSmall);
    }

    [Fact]
    public void Zero_width_pgm_is_too_small() => AssertRefused("P5 0 16 255\n"u8.ToArray(), ImageRejectReason.TooSmall);

    [Fact]
    public void Huge_png_header_is_refused_without_allocating_the_pixels()
    {
        var bytes = TestImages.PngHeaderOnly(100_000, 100_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        AssertRefused(bytes, ImageRejectReason.DimensionsTooLarge);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Fact]
    public void Huge_pgm_header_is_refused_without_allocating_the_pixels()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        AssertRefused("P5\n100000 100000\n255\n"u8.ToArray(), ImageRejectReason.DimensionsTooLarge);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
    }

    [Fact]
    public void More_pixels_than_the_limit_are_refused_even_when_each_side_fits() =>
        AssertRefused(TestImages.PngHeaderOnly(8000, 8000), ImageRejectReason.DimensionsTooLarge);

    [Fact]
    public void Plain_pgm_sample_above_maxval_is_undecodable() =>
        AssertRefused(System.Text.Encoding.ASCII.GetBytes("P2 16 16 15\n" + string.Join(' ', Enumerable.Repeat(16, 256))), ImageRejectReason.Undecodable);

    [Fact]
    public void Colour_is_converted_to_luma()
    {
        var bmp = TestImages.Bmp(16, 16, new byte[256]);
        for (var i = 54; i < bmp.Length; i += 3)
        {
            bmp[i] = 0;       // blue
            bmp[i + 1] = 0;   // green
            bmp[i + 2] = 255; // red
        }

        var image = FaceImageDecoder.Decode(bmp);

        Assert.All(image.Pixels, p => Assert.Equal(76, p));
    }

    private static byte[] Encode(string format, byte[] grey, int width = W, int height = H) => format switch
    {
        "png" => TestImages.Png(width, height, grey),
        "bmp" => TestImages.Bmp(width, height, grey),
        "gif" => TestImages.Gif(width, height, grey),
        "pgm-binary" => TestImages.PgmBinary(width, height, grey),
        "pgm-plain" => TestImages.PgmPlain(width, height, grey),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static void AssertRefused(byte[] bytes, ImageRejectReason reason)
    {
        var error = Assert.Throws<InvalidImageException>(() => FaceImageDecoder.Decode(bytes));
        Assert.Equal(reason, error.Reason);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
