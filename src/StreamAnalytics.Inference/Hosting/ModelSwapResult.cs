namespace StreamAnalytics.Inference.Hosting;

/// <summary>What a <see cref="ModelHost{TModel}.TrySwapAsync(Func{TModel}, Func{TModel, CancellationToken, ValueTask}?, CancellationToken)"/> did.</summary>
public sealed record ModelSwapResult
{
    /// <summary>True when the candidate is now the active model.</summary>
    public required bool Swapped { get; init; }

    /// <summary>The candidate's version; null when it could not be built.</summary>
    public string? Version { get; init; }

    /// <summary>The version active before the attempt (still active when <see cref="Swapped"/> is false); null when none was loaded.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>Where the attempt failed; null when it succeeded.</summary>
    public ModelSwapStage? FailedStage { get; init; }

    /// <summary>What the build or probe threw; null when it succeeded.</summary>
    public Exception? Error { get; init; }

    /// <summary>A one-line reason for a failure, for logs and API answers; null when it succeeded.</summary>
    public string? Reason => Error is null ? null : $"{FailedStage} failed: {Error.Message}";
}
