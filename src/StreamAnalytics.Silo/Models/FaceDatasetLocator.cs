namespace StreamAnalytics.Silo.Models;

/// <summary>Finds the face dataset the demo trains on, enrols and replays (see <see cref="FaceModelOptions.BootstrapDataset"/>).</summary>
internal static class FaceDatasetLocator
{
    /// <summary>The environment variable naming the shared datasets folder (as in the tests).</summary>
    public const string DatasetsVariable = "STREAMANALYTICS_DATASETS";

    /// <summary>The configured folder, else ORL in the shared datasets; null when none exists.</summary>
    public static string? Find(FaceModelOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.BootstrapDataset))
        {
            return Directory.Exists(options.BootstrapDataset) ? Path.GetFullPath(options.BootstrapDataset) : null;
        }

        string?[] candidates =
        [
            Environment.GetEnvironmentVariable(DatasetsVariable) is { Length: > 0 } root ? Path.Combine(root, "orl") : null,
            Path.Combine("..", "shared", "datasets", "orl"),
            Path.Combine("..", "..", "shared", "datasets", "orl"),
        ];
        return candidates.FirstOrDefault(c => c is not null && Directory.Exists(c)) is { } found ? Path.GetFullPath(found) : null;
    }
}
