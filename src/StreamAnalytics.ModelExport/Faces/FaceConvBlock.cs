namespace StreamAnalytics.ModelExport.Faces;

/// <summary>
/// One convolution block of the face model, as the face model contract defines it: a square convolution (kernel
/// <paramref name="KernelSize"/>, odd; padding <c>KernelSize / 2</c> on every side; stride <paramref name="Stride"/>,
/// 1 or 2; one group) with bias, then ReLU, then, when <paramref name="MaxPool"/> is set, a 2x2 max pool with stride 2
/// that drops an odd last row or column. Batch norm is folded into the weights and bias before export. Arrays are
/// compared by reference (record equality does not look inside them).
/// </summary>
/// <param name="InChannels">Channels in; 1 for the first block (grey images), else the previous block's out channels.</param>
/// <param name="OutChannels">Channels out; at least 1.</param>
/// <param name="KernelSize">K, the side of the square kernel; odd and at least 1.</param>
/// <param name="Stride">The convolution stride, 1 or 2.</param>
/// <param name="MaxPool">Whether a 2x2, stride-2 max pool follows the ReLU.</param>
/// <param name="Weight">Convolution weights, Out·In·K·K values, row-major [Out, In, K, K] (the torch <c>Conv2d</c> layout).</param>
/// <param name="Bias">Convolution bias, Out values.</param>
public sealed record FaceConvBlock(
    int InChannels,
    int OutChannels,
    int KernelSize,
    int Stride,
    bool MaxPool,
    float[] Weight,
    float[] Bias);
