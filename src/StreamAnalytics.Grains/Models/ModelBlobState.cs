namespace StreamAnalytics.Grains.Models;

/// <summary>A model version's stored bytes.</summary>
[GenerateSerializer]
public sealed class ModelBlobState
{
    /// <summary>The ONNX bytes; null until written.</summary>
    [Id(0)]
    public byte[]? Bytes { get; set; }
}
