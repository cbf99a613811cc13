namespace StreamAnalytics.Training.Tests.Data;

/// <summary>
/// Where the shared datasets are: <c>STREAMANALYTICS_DATASETS</c>, else <c>../shared/datasets</c> beside the repository
/// (the folder holding <c>StreamAnalytics.sln</c>). A missing dataset fails the test that needs it, never skips it.
/// </summary>
public static class SharedDatasets
{
    public const string EnvironmentVariable = "STREAMANALYTICS_DATASETS";

    /// <summary>The dataset folder <paramref name="name"/>; fails the test when it or one of <paramref name="files"/> is missing.</summary>
    public static string Folder(string name, params string[] files)
    {
        var root = Environment.GetEnvironmentVariable(EnvironmentVariable) ?? Path.Combine(RepositoryRoot(), "..", "shared", "datasets");
        var folder = Path.GetFullPath(Path.Combine(root, name));
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            Assert.True(File.Exists(path), $"Dataset file {path} is missing: put the shared datasets there or set {EnvironmentVariable}.");
        }

        return folder;
    }

    private static string RepositoryRoot()
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
