using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// Enrols identities in a <see cref="FaceGallery"/> with a trained network and scores probes against it: the steps the
/// open-set evaluation and the threshold calibration share.
/// </summary>
internal static class FaceGalleryScoring
{
    /// <summary>A gallery holding each of <paramref name="identities"/>, enrolled with its <paramref name="images"/>.</summary>
    public static FaceGallery Enrol(FaceNetwork network, FaceDataset dataset, IReadOnlyList<int> identities, IReadOnlyDictionary<int, int[]> images)
    {
        var gallery = new FaceGallery();
        foreach (var identity in identities)
        {
            var (embeddings, _) = FaceEmbeddings.Predict(network, [.. images[identity].Select(i => dataset.Images[i])]);
            gallery.Enrol(identity, embeddings);
        }

        return gallery;
    }

    /// <summary>Each probe image's best gallery score, and whether that best match is the probe's own identity.</summary>
    public static List<(double Score, bool Correct)> Search(FaceNetwork network, FaceDataset dataset, FaceGallery gallery, IReadOnlyList<int> probes)
    {
        var (embeddings, _) = FaceEmbeddings.Predict(network, [.. probes.Select(i => dataset.Images[i])]);
        return [.. probes.Select((image, i) =>
        {
            var (identity, score) = gallery.Nearest(embeddings[i]);
            return (score, identity == dataset.Labels[image]);
        })];
    }
}
