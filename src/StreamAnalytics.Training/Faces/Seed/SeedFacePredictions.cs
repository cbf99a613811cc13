using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces.Seed;

/// <summary>Runs a trained <see cref="SeedFaceNetwork"/> (eval mode, no gradients) over fitted images.</summary>
public static class SeedFacePredictions
{
    // Images per forward pass: bounds the memory of one pass.
    private const int Chunk = 64;

    /// <summary>The class with the highest logit for each image.</summary>
    public static int[] Classes(SeedFaceNetwork network, IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        network.eval();
        using var noGrad = no_grad();
        var classes = new int[images.Count];
        for (var start = 0; start < images.Count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(Chunk, images.Count - start);
            var best = network.forward(FaceTensors.Stack(images, start, size)).argmax(1).data<long>().ToArray();
            for (var i = 0; i < size; i++)
            {
                classes[start + i] = (int)best[i];
            }
        }

        return classes;
    }
}
