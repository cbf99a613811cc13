namespace StreamAnalytics.IntegrationTests;

/// <summary>
/// Where the shared datasets are: <c>STREAMANALYTICS_DATASETS</c>, else <c>../shared/datasets</c> beside the repository.
/// A missing dataset fails the test that needs it (never a skip): CI must have the data.
/// </summary>
public static class SharedDatasets
{
    public const string EnvironmentVariable = "STREAMANALYTICS_DATASETS";

    public static string File(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable(EnvironmentVariable) ?? Path.Combine(RepositoryFiles.Root, "..", "shared", "datasets");
        var path = Path.GetFullPath(Path.Combine([root, .. parts]));
        Assert.True(System.IO.File.Exists(path), $"Dataset file {path} is missing: put the shared datasets there or set {EnvironmentVariable}.");
        return path;
    }
}
