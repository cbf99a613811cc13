using Orleans.Serialization;

namespace StreamAnalytics.Silo.Training.Store;

/// <summary>
/// The rating store on disk: one snapshot file (<c>ratings.bin</c>, Orleans' version-tolerant binary format) in the
/// store directory. A save writes a temporary file and renames it over the old one, so a crash mid-write leaves the
/// previous snapshot intact.
/// </summary>
public sealed class RatingStoreFile(string directory, Serializer<RatingStoreSnapshot> serializer)
{
    /// <summary>The snapshot's file name.</summary>
    public const string FileName = "ratings.bin";

    /// <summary>The snapshot's full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(directory, FileName);

    /// <summary>Writes <paramref name="snapshot"/>, replacing the previous one.</summary>
    public void Save(RatingStoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Directory.CreateDirectory(directory);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            serializer.Serialize(snapshot, stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>The saved snapshot, or null when there is none yet.</summary>
    public RatingStoreSnapshot? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return serializer.Deserialize(stream);
    }
}
