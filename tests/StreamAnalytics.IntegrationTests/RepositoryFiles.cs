namespace StreamAnalytics.IntegrationTests;

/// <summary>Files of this repository (deploy/, docker-compose.yml), found from the test binaries upwards.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder holding <c>StreamAnalytics.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the repository root, given as its parts; it need not exist.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path under the repository root; fails the test when the file is missing.</summary>
    public static string File(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Assert.True(System.IO.File.Exists(path), $"{path} is missing.");
        return path;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "StreamAnalytics.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No StreamAnalytics.sln above {AppContext.BaseDirectory}.");
    }
}
