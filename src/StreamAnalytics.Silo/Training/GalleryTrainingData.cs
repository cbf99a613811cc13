using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// The face model's training data: the gallery's stored faces (fitted images, in the identity grains). Identities with
/// at least <see cref="MinFaces"/> faces take part; each one's last face is held out for the quality gate, the rest
/// train the candidate and enrol it for the gate.
/// </summary>
internal sealed class GalleryTrainingData
{
    /// <summary>Faces an identity needs to take part: 3 (two to train on, one held out).</summary>
    public const int MinFaces = 3;

    private GalleryTrainingData(FaceDataset train, IReadOnlyList<(string Identity, float[] Image)> heldOut)
    {
        Train = train;
        HeldOut = heldOut;
    }

    /// <summary>The training images (all but each identity's last).</summary>
    public FaceDataset Train { get; }

    /// <summary>Each identity's last face.</summary>
    public IReadOnlyList<(string Identity, float[] Image)> HeldOut { get; }

    /// <summary>Reads every enrolled identity's stored faces.</summary>
    public static async Task<GalleryTrainingData> LoadAsync(IGrainFactory grains)
    {
        var directory = grains.GetGrain<IIdentityDirectoryGrain>(IIdentityDirectoryGrain.Key);
        var identities = new List<string>();
        var images = new List<float[]>();
        var labels = new List<int>();
        var sources = new List<string>();
        var heldOut = new List<(string, float[])>();
        foreach (var identity in (await directory.List()).Order(NaturalOrder.Instance))
        {
            // An empty version never matches, so the grain sends the stored images.
            if (await grains.GetGrain<IIdentityGrain>(identity).GetFaces("") is not { Images.Count: >= MinFaces } faces)
            {
                continue;
            }

            var label = identities.Count;
            identities.Add(identity);
            for (var i = 0; i < faces.Images.Count; i++)
            {
                var pixels = new float[FaceModel.PixelsPerImage];
                FacePixels.ToModelInput(faces.Images[i], pixels);
                if (i == faces.Images.Count - 1)
                {
                    heldOut.Add((identity, pixels));
                    continue;
                }

                images.Add(pixels);
                labels.Add(label);
                sources.Add($"{identity}#{i}");
            }
        }

        return new GalleryTrainingData(new FaceDataset("gallery", identities, images, labels, sources), heldOut);
    }
}
