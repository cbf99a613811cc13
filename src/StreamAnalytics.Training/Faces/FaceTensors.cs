using StreamAnalytics.Imaging;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces;

/// <summary>Fitted images as the network's input tensor.</summary>
internal static class FaceTensors
{
    private const int Pixels = FaceImageFitter.Height * FaceImageFitter.Width;

    /// <summary>Images <paramref name="start"/> … start + count − 1 as one [count, 1, 112, 92] tensor.</summary>
    public static Tensor Stack(IReadOnlyList<float[]> images, int start, int count)
    {
        var values = new float[count * Pixels];
        for (var i = 0; i < count; i++)
        {
            images[start + i].CopyTo(values, i * Pixels);
        }

        return tensor(values, [count, 1, FaceImageFitter.Height, FaceImageFitter.Width]);
    }
}
