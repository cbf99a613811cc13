using System.Text;
using StreamAnalytics.Inference.Faces;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// Encoded frames for <c>sa bench faces</c>: binary PGM ("P5") images of the model's input size (92×112), made
/// deterministically from a seed (a gradient, a bright ellipse where a face would be, and noise), so the camera grains
/// decode and fit real image bytes as they would a camera's.
/// </summary>
internal static class FaceBenchFrames
{
    /// <summary><paramref name="count"/> distinct images; the same seed gives the same bytes.</summary>
    public static byte[][] Create(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Pgm(random))];
    }

    private static byte[] Pgm(Random random)
    {
        const int width = FaceModel.ImageWidth;
        const int height = FaceModel.ImageHeight;
        var header = Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n");
        var bytes = new byte[header.Length + (width * height)];
        header.CopyTo(bytes, 0);
        var slopeX = (random.NextDouble() - 0.5) * 2;
        var slopeY = (random.NextDouble() - 0.5) * 2;
        var centreX = (width / 2.0) + ((random.NextDouble() - 0.5) * 20);
        var centreY = (height / 2.0) + ((random.NextDouble() - 0.5) * 20);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var dx = (x - centreX) / 30;
                var dy = (y - centreY) / 40;
                var value = 100 + (slopeX * x) + (slopeY * y) + ((dx * dx) + (dy * dy) < 1 ? 80 : 0) + random.Next(-25, 26);
                bytes[header.Length + (y * width) + x] = (byte)Math.Clamp(value, 0, 255);
            }
        }

        return bytes;
    }
}
