namespace StreamAnalytics.Inference;

/// <summary>Why a model could not be loaded.</summary>
public enum ModelLoadFailure
{
    /// <summary>ONNX Runtime could not read the bytes as a model.</summary>
    Corrupt,

    /// <summary>The model's <c>sa.kind</c> is not the kind asked for.</summary>
    WrongKind,

    /// <summary>A graph input or output is missing or has the wrong element type or shape.</summary>
    WrongSignature,

    /// <summary>Metadata the contract requires is missing or unreadable, or disagrees with the graph.</summary>
    BadMetadata,

    /// <summary>The model's features are not the ones the caller computes (count or order).</summary>
    FeatureMismatch,
}
