using StreamAnalytics.Training.Faces.Data;
using StreamAnalytics.Training.Tests.Data;

namespace StreamAnalytics.Training.Tests.Faces;

/// <summary>ORL, read once for the face training tests.</summary>
public sealed class OrlFaceFixture
{
    public FaceDataset Dataset { get; } = OrlDataset.Read(SharedDatasets.Folder("orl", "s1/1.pgm", "s40/10.pgm"));
}
