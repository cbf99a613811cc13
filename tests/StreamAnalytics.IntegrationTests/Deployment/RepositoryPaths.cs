namespace StreamAnalytics.IntegrationTests.Deployment;

/// <summary>Files of the repository the tests run from, found by walking up to <c>StreamAnalytics.sln</c>.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root, given as its parts.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StreamAnalytics.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No StreamAnalytics.sln above {AppContext.BaseDirectory}.");
    }
}
