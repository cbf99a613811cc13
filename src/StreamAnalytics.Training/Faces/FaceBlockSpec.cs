namespace StreamAnalytics.Training.Faces;

/// <summary>
/// The shape of one convolution block of <see cref="FaceNetwork"/>: Conv (no bias) → BatchNorm → ReLU → optional
/// 2×2 max pool, as the face model contract's <c>FaceConvBlock</c> once batch norm is folded in.
/// </summary>
/// <param name="OutChannels">Output channels; at least 1.</param>
/// <param name="KernelSize">Square kernel, odd; padding is K/2.</param>
/// <param name="Stride">1 or 2.</param>
/// <param name="MaxPool">Whether a 2×2 stride-2 max pool follows.</param>
public sealed record FaceBlockSpec(int OutChannels, int KernelSize, int Stride, bool MaxPool);
