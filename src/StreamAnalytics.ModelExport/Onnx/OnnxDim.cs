namespace StreamAnalytics.ModelExport.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size, or a named symbolic one (the batch, <c>N</c>).</summary>
internal readonly record struct OnnxDim(long Value, string? Param)
{
    /// <summary>The batch dimension every exported graph names <c>N</c>.</summary>
    public static OnnxDim Batch { get; } = Symbolic("N");

    public static OnnxDim Fixed(long value) => new(value, null);

    public static OnnxDim Symbolic(string name) => new(0, name);
}
