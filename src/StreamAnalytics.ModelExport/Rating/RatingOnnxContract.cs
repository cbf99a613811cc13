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

    public const string KindKey = "sa.kind";
    public const string VersionKey = "sa.version";
    public const string UsersKey = "sa.users";
    public const string ProductsKey = "sa.products";
    public const string FeaturesKey = "sa.features";
    public const string RatingMinKey = "sa.ratingMin";
    public const string RatingMaxKey = "sa.ratingMax";
    public const string TrainedAtKey = "sa.trainedAt";
}
