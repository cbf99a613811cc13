using StreamAnalytics.Inference.Gallery;

namespace StreamAnalytics.Grains.Faces;

/// <summary>A silo's gallery for one model version, and the directory version it has caught up with.</summary>
internal sealed class SiloGallery(string modelVersion, FaceGallery gallery, long directoryVersion)
{
    public string ModelVersion { get; } = modelVersion;

    public FaceGallery Gallery { get; } = gallery;

    /// <summary>When it was built: a candidate's gallery is kept a while before its model goes live.</summary>
    public DateTimeOffset BuiltAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Changed only by the synchroniser, under its lock.</summary>
    public long DirectoryVersion { get; set; } = directoryVersion;
}
