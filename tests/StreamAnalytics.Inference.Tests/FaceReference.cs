using StreamAnalytics.ModelExport.Faces;

namespace StreamAnalytics.Inference.Tests;

/// <summary>The face model contract's function written out straight from the weights, in double precision, loops only.</summary>
internal static class FaceReference
{
    private const int Height = 112;
    private const int Width = 92;

    /// <summary>The embedding (unit length) and logits of one 112x92 image.</summary>
    public static (double[] Embedding, double[] Logits) Forward(FaceModelWeights w, ReadOnlySpan<float> image)
    {
        var x = new double[Height * Width];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (image[i] - (double)w.PixelMean) / w.PixelStd;
        }

        int channels = 1, height = Height, width = Width;
        foreach (var block in w.Blocks)
        {
            (x, height, width) = Conv(block, x, height, width);
            channels = block.OutChannels;
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = Math.Max(0, x[i]);
            }

            if (block.MaxPool)
            {
                (x, height, width) = MaxPool(x, channels, height, width);
            }
        }

        var pooled = new double[channels];
        for (var c = 0; c < channels; c++)
        {
            pooled[c] = x.AsSpan(c * height * width, height * width).ToArray().Average();
        }

        var e = w.EmbeddingBias.Length;
        var embedding = new double[e];
        for (var o = 0; o < e; o++)
        {
            embedding[o] = w.EmbeddingBias[o];
            for (var c = 0; c < channels; c++)
            {
                embedding[o] += w.EmbeddingWeight[(o * channels) + c] * pooled[c];
            }
        }

        var norm = Math.Sqrt(embedding.Sum(v => v * v) + 1e-12);
        for (var o = 0; o < e; o++)
        {
            embedding[o] /= norm;
        }

        var logits = new double[w.Identities.Count];
        for (var k = 0; k < logits.Length; k++)
        {
            double dot = 0;
            for (var o = 0; o < e; o++)
            {
                dot += w.ClassifierWeight[(k * e) + o] * embedding[o];
            }

            logits[k] = (w.ClassifierScale * dot) + w.ClassifierBias[k];
        }

        return (embedding, logits);
    }

    /// <summary>Zero padding of K/2 on every side, stride S, one group.</summary>
    private static (double[] Output, int Height, int Width) Conv(FaceConvBlock b, double[] x, int height, int width)
    {
        int k = b.KernelSize, pad = k / 2, s = b.Stride;
        int outHeight = ((height + (2 * pad) - k) / s) + 1, outWidth = ((width + (2 * pad) - k) / s) + 1;
        var output = new double[b.OutChannels * outHeight * outWidth];
        for (var o = 0; o < b.OutChannels; o++)
        {
            for (var oy = 0; oy < outHeight; oy++)
            {
                for (var ox = 0; ox < outWidth; ox++)
                {
                    double sum = b.Bias[o];
                    for (var c = 0; c < b.InChannels; c++)
                    {
                        for (var ky = 0; ky < k; ky++)
                        {
                            var y = (oy * s) + ky - pad;
                            if (y < 0 || y >= height)
                            {
                                continue;
                            }

                            for (var kx = 0; kx < k; kx++)
                            {
                                var xx = (ox * s) + kx - pad;
                                if (xx >= 0 && xx < width)
                                {
                                    sum += b.Weight[(((o * b.InChannels) + c) * k * k) + (ky * k) + kx] * x[(((c * height) + y) * width) + xx];
                                }
                            }
                        }
                    }

                    output[(((o * outHeight) + oy) * outWidth) + ox] = sum;
                }
            }
        }

        return (output, outHeight, outWidth);
    }

    /// <summary>2x2 windows, stride 2, a last odd row or column dropped.</summary>
    private static (double[] Output, int Height, int Width) MaxPool(double[] x, int channels, int height, int width)
    {
        int outHeight = height / 2, outWidth = width / 2;
        var output = new double[channels * outHeight * outWidth];
        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < outHeight; oy++)
            {
                for (var ox = 0; ox < outWidth; ox++)
                {
                    var at = (((c * height) + (2 * oy)) * width) + (2 * ox);
                    output[(((c * outHeight) + oy) * outWidth) + ox] = Math.Max(Math.Max(x[at], x[at + 1]), Math.Max(x[at + width], x[at + width + 1]));
                }
            }
        }

        return (output, outHeight, outWidth);
    }
}
