namespace StreamAnalytics.ModelExport.Faces;

/// <summary>
/// One convolution block of the face model, as the face model contract defines it: Conv (square kernel
/// <paramref name="KernelSize"/>, odd, padding K/2, stride <paramref name="Stride"/> 1 or 2, groups 1) with bias, then
/// ReLU, then, when <paramref name="MaxPool"/>, MaxPool 2×2 stride 2 (floor). Batch norm is already folded into
/// <paramref name="Weight"/> and <paramref name="Bias"/>. Arrays are compared by reference.
/// </summary>
/// <param name="InChannels">Input channels; at least 1.</param>
/// <param name="OutChannels">Output channels; at least 1.</param>
/// <param name="KernelSize">K: odd, at least 1.</param>
/// <param name="Stride">1 or 2.</param>
/// <param name="MaxPool">Whether a 2×2 max pool (stride 2, floor) follows the ReLU.</param>
/// <param name="Weight">Out·In·K·K values, row-major [Out, In, K, K].</param>
/// <param name="Bias">Out values.</param>
public sealed record FaceConvBlock(
    int InChannels,
    int OutChannels,
    int KernelSize,
    int Stride,
    bool MaxPool,
    float[] Weight,
    float[] Bias);
