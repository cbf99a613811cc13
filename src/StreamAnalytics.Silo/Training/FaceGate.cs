using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Gallery;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// The face model's quality gate: with a model, enrol every identity's training faces in a gallery and identify the
/// held-out faces; the score is the rank-1 accuracy. The candidate and the active model are scored on the same faces.
/// </summary>
internal static class FaceGate
{
    /// <summary>Rank-1 accuracy of <paramref name="model"/> on <paramref name="data"/>'s held-out faces.</summary>
    public static double Accuracy(FaceModel model, GalleryTrainingData data)
    {
        var gallery = new FaceGallery(model.EmbeddingSize, new FaceGalleryOptions { MaxIdentities = Math.Max(1, data.Train.Identities.Count) });
        var byIdentity = data.Train.ImagesByIdentity();
        for (var label = 0; label < byIdentity.Count; label++)
        {
            gallery.Add(data.Train.Identities[label], Embed(model, [.. byIdentity[label].Select(i => data.Train.Images[i])]));
        }

        var probes = Embed(model, [.. data.HeldOut.Select(h => h.Image)]);
        var correct = probes.Where((embedding, i) => gallery.Identify(embedding, 1).Candidates[0].Identity == data.HeldOut[i].Identity).Count();
        return data.HeldOut.Count == 0 ? 0 : correct / (double)data.HeldOut.Count;
    }

    private static float[][] Embed(FaceModel model, IReadOnlyList<float[]> images)
    {
        var input = new float[images.Count * FaceModel.PixelsPerImage];
        for (var i = 0; i < images.Count; i++)
        {
            images[i].CopyTo(input, i * FaceModel.PixelsPerImage);
        }

        var flat = model.Embed(input, images.Count);
        return [.. Enumerable.Range(0, images.Count).Select(i => flat.AsSpan(i * model.EmbeddingSize, model.EmbeddingSize).ToArray())];
    }
}
