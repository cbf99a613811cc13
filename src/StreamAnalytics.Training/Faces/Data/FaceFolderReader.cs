using StreamAnalytics.Imaging;

namespace StreamAnalytics.Training.Faces.Data;

/// <summary>
/// Reads a folder-per-identity image tree: every sub-folder of the root is one identity (its name), every image file
/// in it (<c>.pgm .png .jpg .jpeg .bmp .gif</c>, any case) one face. Files at the root and other extensions are
/// ignored. Folders and files are taken in natural order (<c>s2</c> before <c>s10</c>), so labels are stable.
/// </summary>
public static class FaceFolderReader
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pgm", ".png", ".jpg", ".jpeg", ".bmp", ".gif",
    };

    /// <summary>Reads every identity under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="InvalidDataException">An image is refused by the decoder (the message names the file), or an identity has no images.</exception>
    public static FaceDataset Read(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The face image folder {root} does not exist.");
        }

        var identities = new List<string>();
        var images = new List<float[]>();
        var labels = new List<int>();
        var sources = new List<string>();
        foreach (var folder in Directory.GetDirectories(root).Order(NaturalOrder.Instance))
        {
            var files = Directory.GetFiles(folder)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f)))
                .Order(NaturalOrder.Instance)
                .ToArray();
            if (files.Length == 0)
            {
                throw new InvalidDataException($"The identity folder {folder} holds no images.");
            }

            var label = identities.Count;
            identities.Add(Path.GetFileName(folder));
            foreach (var file in files)
            {
                images.Add(Load(file));
                labels.Add(label);
                sources.Add(file);
            }
        }

        return new FaceDataset(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))), identities, images, labels, sources);
    }

    private static float[] Load(string file)
    {
        try
        {
            return FaceImageFitter.DecodeAndFit(File.ReadAllBytes(file));
        }
        catch (InvalidImageException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }
    }
}
