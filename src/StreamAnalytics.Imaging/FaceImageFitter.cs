namespace StreamAnalytics.Imaging;

/// <summary>
/// Fits a grey image to the face model's input: 112 rows × 92 columns (ORL's size) of floats in [0, 1]
/// (grey level / 255), row by row.
/// </summary>
/// <remarks>
/// <para>
/// <b>Centre crop, not letterbox.</b> The largest centred window with the input's 92:112 aspect ratio is cut out and
/// resampled to 92×112, so a face keeps its proportions and fills the input as ORL's faces do. Letterboxing would add
/// bars the model never saw in training and shrink the face; a crop only loses the edges of a frame whose shape differs
/// from a portrait, where a face is least likely to be.
/// </para>
/// <para>
/// Resampling averages the source area each output pixel covers (an exact box filter), so downscaling does not alias;
/// upscaling blends the at most two source pixels an output pixel overlaps. A 92×112 image (every ORL file) is copied
/// unchanged.
/// </para>
/// </remarks>
public static class FaceImageFitter
{
    /// <summary>The model's input height in pixels: 112.</summary>
    public const int Height = 112;

    /// <summary>The model's input width in pixels: 92.</summary>
    public const int Width = 92;

    /// <summary>Decodes <paramref name="bytes"/> (see <see cref="FaceImageDecoder"/>) and fits the image.</summary>
    /// <exception cref="InvalidImageException">The bytes are not an acceptable image.</exception>
    public static float[] DecodeAndFit(ReadOnlySpan<byte> bytes) => Fit(FaceImageDecoder.Decode(bytes));

    /// <summary>The Height × Width input for <paramref name="image"/>, values in [0, 1].</summary>
    public static float[] Fit(GreyImage image)
    {
        var output = new float[Height * Width];
        Fit(image, output);
        return output;
    }

    /// <summary>Writes the Height × Width input for <paramref name="image"/> into <paramref name="output"/>.</summary>
    public static void Fit(GreyImage image, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (output.Length != Height * Width)
        {
            throw new ArgumentException($"The output needs exactly {Height * Width} floats.", nameof(output));
        }

        if (image.Width == Width && image.Height == Height)
        {
            // Every ORL file and most enrolment photos cropped for the model: the box filter would multiply each pixel
            // by a weight of exactly 1, so this gives the same floats without two passes over the image.
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = image.Pixels[i] / 255f;
            }

            return;
        }

        var (left, top, cropWidth, cropHeight) = CentreCrop(image.Width, image.Height);
        var columns = BoxWeights.For(left, cropWidth, Width);
        var rows = BoxWeights.For(top, cropHeight, Height);

        // Horizontal pass over the cropped rows, then vertical: separable, so each pass is one weighted sum per pixel.
        // The passes read spans, not a pixel-reading delegate: a delegate per output pixel made fitting a 92x112 frame
        // cost ~0.2 ms, 40% of the face model's own run (docs/benchmarks.md, Faces).
        var horizontal = new float[cropHeight * Width];
        for (var y = 0; y < cropHeight; y++)
        {
            var sourceRow = (top + y) * image.Width;
            for (var x = 0; x < Width; x++)
            {
                horizontal[(y * Width) + x] = columns.Apply(x, image.Pixels.AsSpan(sourceRow));
            }
        }

        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                output[(y * Width) + x] = rows.Apply(y, horizontal.AsSpan(x), Width, top) / 255f;
            }
        }
    }

    /// <summary>The largest centred window of the input's aspect ratio (Width:Height) inside a w × h image.</summary>
    public static (int Left, int Top, int Width, int Height) CentreCrop(int width, int height)
    {
        // Compare width/height with Width/Height in integers: width * Height vs height * Width.
        if ((long)width * Height > (long)height * Width)
        {
            var cropWidth = (int)Math.Max(1, Math.Round((double)height * Width / Height));
            return ((width - cropWidth) / 2, 0, cropWidth, height);
        }

        var cropHeight = (int)Math.Max(1, Math.Round((double)width * Height / Width));
        return (0, (height - cropHeight) / 2, width, cropHeight);
    }
}
