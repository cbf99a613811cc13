namespace StreamAnalytics.ModelExport.Faces;

/// <summary>
/// The names and sizes the face model contract fixes for the ONNX file: graph input and outputs, the input image
/// size, and the metadata keys. Serving (StreamAnalytics.Inference) keeps its own copy so it never needs OnnxSharp; the
/// export tests load files written with these names through serving, which keeps the two copies in step.
/// </summary>
public static class FaceOnnxContract
{
    /// <summary>The model kind, the value of <see cref="KindKey"/>.</summary>
    public const string Kind = "face";

    /// <summary>float32 [N, 1, 112, 92]: grey pixels scaled to [0, 1] (pixel / 255).</summary>
    public const string ImageInput = "image";

    /// <summary>float32 [N, E]: the L2-normalised embedding.</summary>
    public const string EmbeddingOutput = "embedding";

    /// <summary>float32 [N, K]: the classifier's logits, one per identity.</summary>
    public const string LogitsOutput = "logits";

    /// <summary>The image height in pixels (the ORL size): 112.</summary>
    public const int InputHeight = 112;

    /// <summary>The image width in pixels (the ORL size): 92.</summary>
    public const int InputWidth = 92;

    /// <summary>Metadata key of the model kind; the value is <see cref="Kind"/>.</summary>
    public const string KindKey = "sa.kind";

    /// <summary>Metadata key of the model version string.</summary>
    public const string VersionKey = "sa.version";

    /// <summary>Metadata key of the training time, ISO-8601 UTC.</summary>
    public const string TrainedAtKey = "sa.trainedAt";

    /// <summary>Metadata key of the JSON array of the K identity names, in logit order.</summary>
    public const string IdentitiesKey = "sa.identities";

    /// <summary>Metadata key of the open-set cosine-similarity threshold, an invariant-culture float.</summary>
    public const string ThresholdKey = "sa.threshold";

    /// <summary>Metadata key of the input height, <see cref="InputHeight"/>.</summary>
    public const string InputHeightKey = "sa.inputHeight";

    /// <summary>Metadata key of the input width, <see cref="InputWidth"/>.</summary>
    public const string InputWidthKey = "sa.inputWidth";
}
