namespace StreamAnalytics.Cli.Frames;

/// <summary>The image files of a folder (and its sub-folders) that <c>sa frames</c> feeds, in a stable order.</summary>
internal static class FrameFolder
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pgm"] = "image/x-portable-graymap",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".bmp"] = "image/bmp",
        [".gif"] = "image/gif",
    };

    /// <summary>The image extensions fed, with the content type sent over HTTP.</summary>
    public static IReadOnlyDictionary<string, string> Extensions => ContentTypes;

    /// <summary>Every image file under <paramref name="folder"/>, ordered by path (ordinal), so runs are repeatable.</summary>
    public static IReadOnlyList<FileInfo> List(DirectoryInfo folder) =>
        [.. folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => ContentTypes.ContainsKey(f.Extension))
            .OrderBy(f => f.FullName, StringComparer.Ordinal)];

    /// <summary>The HTTP content type of an image file.</summary>
    public static string ContentTypeOf(FileInfo file) => ContentTypes.GetValueOrDefault(file.Extension, "application/octet-stream");
}
