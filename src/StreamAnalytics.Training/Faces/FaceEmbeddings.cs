using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces;

/// <summary>Runs a trained <see cref="FaceNetwork"/> (eval mode, no gradients) over fitted images.</summary>
public static class FaceEmbeddings
{
    // Images per forward pass: bounds the memory of one pass.
    private const int Chunk = 64;

    /// <summary>The L2-normalised embedding of each image, and the classifier's best class for it.</summary>
    public static (float[][] Embeddings, int[] Classes) Predict(FaceNetwork network, IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(images);
        network.eval();
        using var noGrad = no_grad();
        var embeddings = new float[images.Count][];
        var classes = new int[images.Count];
        for (var start = 0; start < images.Count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(Chunk, images.Count - start);
            var batch = FaceTensors.Stack(images, start, size);
            var embedding = network.forward(batch);
            var best = network.Cosines(embedding).argmax(1).data<long>().ToArray();
            var values = embedding.contiguous().data<float>().ToArray();
            for (var i = 0; i < size; i++)
            {
                embeddings[start + i] = values[(i * network.EmbeddingSize)..((i + 1) * network.EmbeddingSize)];
                classes[start + i] = (int)best[i];
            }
        }

        return (embeddings, classes);
    }
}
