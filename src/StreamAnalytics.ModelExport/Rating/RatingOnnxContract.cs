namespace StreamAnalytics.ModelExport.Rating;

/// <summary>
/// The names the rating model contract fixes for the ONNX file: graph inputs and output, and the metadata keys.
/// Serving (StreamAnalytics.Inference) keeps its own copy so it never needs OnnxSharp; the export tests load files
/// written with these names through serving, which keeps the two copies in step.
/// </summary>
public static class RatingOnnxContract
{
    /// <summary>The model kind, the value of <see cref="KindKey"/>.</summary>
    public const string Kind = "rating";

    /// <summary>int64 [N]: user row, 0 = unknown.</summary>
    public const string UserIndexInput = "user_index";

    /// <summary>int64 [N]: product row, 0 = unknown.</summary>
    public const string ProductIndexInput = "product_index";

    /// <summary>float32 [N, F]: the raw side features.</summary>
    public const string FeaturesInput = "features";

    /// <summary>float32 [N]: the clipped predicted rating.</summary>
    public const string RatingOutput = "rating";

    /// <summary>Metadata key of the model kind; the value is <see cref="Kind"/>.</summary>
    public const string KindKey = "sa.kind";

    /// <summary>Metadata key of the model version string.</summary>
    public const string VersionKey = "sa.version";

    /// <summary>Metadata key of the JSON array of user ids (index i has row i+1).</summary>
    public const string UsersKey = "sa.users";

    /// <summary>Metadata key of the JSON array of product ids (index i has row i+1).</summary>
    public const string ProductsKey = "sa.products";

    /// <summary>Metadata key of the JSON array of the F feature names, in input order.</summary>
    public const string FeaturesKey = "sa.features";

    /// <summary>Metadata key of the lowest rating, an invariant-culture float.</summary>
    public const string RatingMinKey = "sa.ratingMin";

    /// <summary>Metadata key of the highest rating, an invariant-culture float.</summary>
    public const string RatingMaxKey = "sa.ratingMax";

    /// <summary>Metadata key of the training time, ISO-8601 UTC.</summary>
    public const string TrainedAtKey = "sa.trainedAt";
}
