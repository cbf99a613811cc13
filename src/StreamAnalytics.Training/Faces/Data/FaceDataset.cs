using StreamAnalytics.Imaging;

namespace StreamAnalytics.Training.Faces.Data;

/// <summary>
/// Face images fitted to the model's input (<see cref="FaceImageFitter.Height"/> × <see cref="FaceImageFitter.Width"/>
/// floats in [0, 1]), each with the index of its identity.
/// </summary>
public sealed class FaceDataset
{
    /// <summary>Creates a dataset; every list must have one entry per image.</summary>
    public FaceDataset(string name, IReadOnlyList<string> identities, IReadOnlyList<float[]> images, IReadOnlyList<int> labels, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sources);
        if (images.Count != labels.Count || images.Count != sources.Count)
        {
            throw new ArgumentException("Images, labels and sources must have one entry per image.");
        }

        if (labels.Any(l => l < 0 || l >= identities.Count))
        {
            throw new ArgumentException("Every label must index an identity.", nameof(labels));
        }

        if (images.Any(i => i.Length != PixelsPerImage))
        {
            throw new ArgumentException($"Every image must have {PixelsPerImage} pixels.", nameof(images));
        }

        Name = name;
        Identities = identities;
        Images = images;
        Labels = labels;
        Sources = sources;
    }

    /// <summary>Pixels in one fitted image: 112 × 92.</summary>
    public const int PixelsPerImage = FaceImageFitter.Height * FaceImageFitter.Width;

    /// <summary>A name for reports (the folder read).</summary>
    public string Name { get; }

    /// <summary>The identities, in label order.</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>The fitted images.</summary>
    public IReadOnlyList<float[]> Images { get; }

    /// <summary>The identity index of each image.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Where each image came from (a path), for error messages and reports.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The number of images.</summary>
    public int Count => Images.Count;

    /// <summary>The indices of the images of each identity, in label order.</summary>
    public IReadOnlyList<int[]> ImagesByIdentity() =>
        [.. Enumerable.Range(0, Identities.Count).Select(id => Enumerable.Range(0, Count).Where(i => Labels[i] == id).ToArray())];
}
