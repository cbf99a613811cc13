namespace StreamAnalytics.Inference.Faces;

/// <summary>
/// The names and sizes the face model contract fixes. The exporter keeps the same ones in StreamAnalytics.ModelExport
/// (<c>FaceOnnxContract</c>); serving holds its own copy so it never references OnnxSharp, and the tests load exported
/// files here, which keeps the copies in step.
/// </summary>
internal static class FaceModelContract
{
    public const string Kind = "face";

    public const string ImageInput = "image";
    public const string EmbeddingOutput = "embedding";
    public const string LogitsOutput = "logits";

    public const int InputChannels = 1;
    public const int InputHeight = 112;
    public const int InputWidth = 92;

    public const string KindKey = "sa.kind";
    public const string VersionKey = "sa.version";
    public const string TrainedAtKey = "sa.trainedAt";
    public const string IdentitiesKey = "sa.identities";
    public const string ThresholdKey = "sa.threshold";
    public const string InputHeightKey = "sa.inputHeight";
    public const string InputWidthKey = "sa.inputWidth";
}
