namespace StreamAnalytics.Training.Faces.Data;

/// <summary>Random per-identity splits of a <see cref="FaceDataset"/>.</summary>
public static class FaceSplits
{
    /// <summary>
    /// For every identity, <paramref name="trainPerIdentity"/> of its images chosen at random (seeded) for training and
    /// the rest for testing: the ORL protocol with 5.
    /// </summary>
    public static (int[] Train, int[] Test) PerIdentity(FaceDataset dataset, int trainPerIdentity, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var images in dataset.ImagesByIdentity())
        {
            if (images.Length <= trainPerIdentity)
            {
                throw new ArgumentException($"Every identity needs more than {trainPerIdentity} images to split.", nameof(trainPerIdentity));
            }

            var shuffled = images.ToArray();
            random.Shuffle(shuffled);
            train.AddRange(shuffled[..trainPerIdentity]);
            test.AddRange(shuffled[trainPerIdentity..]);
        }

        return ([.. train], [.. test]);
    }
}
