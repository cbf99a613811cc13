namespace StreamAnalytics.Inference.Hosting;

/// <summary>Where a swap failed.</summary>
public enum ModelSwapStage
{
    /// <summary>Building the candidate threw (corrupt bytes, wrong kind or shape, ...).</summary>
    Build,

    /// <summary>The candidate was built but its probe threw.</summary>
    Probe,
}
