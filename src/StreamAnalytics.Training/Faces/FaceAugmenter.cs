using StreamAnalytics.Training.Torch;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces;

/// <summary>
/// Applies <see cref="FaceAugmentationOptions"/> to a batch: one affine warp per image (shift, rotation, zoom and
/// mirror in one bilinear resample, edges repeated) and a per-image contrast and brightness change.
/// </summary>
/// <remarks>
/// Every random number comes from the caller's seeded <see cref="Random"/>, drawn in a fixed order, so a seed fixes
/// the augmentation. The per-image factors go to libtorch as tensors, never as C# numbers (see
/// <c>ScalarSafeAdam</c> for why).
/// </remarks>
internal sealed class FaceAugmenter(FaceAugmentationOptions options)
{
    /// <summary>The augmented copy of <paramref name="images"/> [B, 1, H, W].</summary>
    public Tensor Apply(Tensor images, Random random)
    {
        var count = (int)images.shape[0];
        var height = images.shape[2];
        var width = images.shape[3];
        var aspect = (double)height / width;
        var theta = new float[count * 6];
        var contrast = new float[count];
        var offset = new float[count];
        for (var i = 0; i < count; i++)
        {
            var angle = Uniform(random, options.MaxRotationDegrees) * Math.PI / 180;
            var zoom = 1 + Uniform(random, options.MaxScale);
            var shiftX = Uniform(random, options.MaxShift) * 2;
            var shiftY = Uniform(random, options.MaxShift) * 2;
            var mirror = random.NextDouble() < options.FlipProbability ? -1 : 1;
            var c = 1 + Uniform(random, options.MaxContrast);
            var b = Uniform(random, options.MaxBrightness);

            // affine_grid maps output to input in coordinates normalised to [-1, 1] on each axis; a rotation by a
            // pixel angle on a non-square image needs the aspect ratio on its off-diagonal terms. Mirroring negates
            // the input x, the first column.
            var cos = Math.Cos(angle) / zoom;
            var sin = Math.Sin(angle) / zoom;
            theta[(6 * i) + 0] = (float)(cos * mirror);
            theta[(6 * i) + 1] = (float)(-sin * aspect);
            theta[(6 * i) + 2] = (float)shiftX;
            theta[(6 * i) + 3] = (float)(sin / aspect * mirror);
            theta[(6 * i) + 4] = (float)cos;
            theta[(6 * i) + 5] = (float)shiftY;

            // (x − ½)·c + ½ + b, written as x·c + (½ − ½c + b).
            contrast[i] = (float)c;
            offset[i] = (float)(0.5 - (0.5 * c) + b);
        }

        var grid = nn.functional.affine_grid(tensor(theta, [count, 2, 3]), [count, 1, height, width], align_corners: false);
        var warped = nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
        return (warped * tensor(contrast, [count, 1, 1, 1])).Plus(tensor(offset, [count, 1, 1, 1]));
    }

    private static double Uniform(Random random, double bound) => ((2 * random.NextDouble()) - 1) * bound;
}
