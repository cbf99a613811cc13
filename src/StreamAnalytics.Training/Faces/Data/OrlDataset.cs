namespace StreamAnalytics.Training.Faces.Data;

/// <summary>
/// The ORL (AT&amp;T) faces: <c>s1</c> … <c>s40</c>, ten 92×112 PGM images each. A folder-per-identity tree, read by
/// <see cref="FaceFolderReader"/>, checked for the expected shape so a partial copy fails loudly.
/// </summary>
public static class OrlDataset
{
    /// <summary>Identities in ORL: 40.</summary>
    public const int Identities = 40;

    /// <summary>Images per identity: 10.</summary>
    public const int ImagesPerIdentity = 10;

    /// <summary>Reads ORL from <paramref name="root"/> (the folder holding <c>s1</c> … <c>s40</c>).</summary>
    /// <exception cref="InvalidDataException">The folder does not hold 40 identities of 10 images.</exception>
    public static FaceDataset Read(string root)
    {
        var dataset = FaceFolderReader.Read(root);
        var expected = Enumerable.Range(1, Identities).Select(i => $"s{i}");
        if (!dataset.Identities.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{root} is not ORL: expected the folders s1 … s{Identities}, found {string.Join(", ", dataset.Identities)}.");
        }

        var counts = dataset.ImagesByIdentity();
        for (var id = 0; id < counts.Count; id++)
        {
            if (counts[id].Length != ImagesPerIdentity)
            {
                throw new InvalidDataException($"{root} is not ORL: {dataset.Identities[id]} has {counts[id].Length} images, expected {ImagesPerIdentity}.");
            }
        }

        return dataset;
    }
}
