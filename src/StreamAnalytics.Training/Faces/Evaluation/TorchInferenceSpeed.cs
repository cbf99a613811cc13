using System.Diagnostics;
using StreamAnalytics.Imaging;
using StreamAnalytics.Training.Torch;
using static TorchSharp.torch;

namespace StreamAnalytics.Training.Faces.Evaluation;

/// <summary>
/// How many images per second a network's TorchSharp forward pass handles at batch 1: eval mode, no gradients, on a
/// fixed number of libtorch threads, the same image over and over (the values do not change the work).
/// </summary>
public static class TorchInferenceSpeed
{
    /// <summary>Calls <paramref name="forward"/> on one [1, 1, 112, 92] image for <paramref name="duration"/> after a
    /// short warm-up and returns calls per second.</summary>
    /// <param name="network">Put in eval mode here.</param>
    /// <param name="forward">The pass to time, e.g. the network's forward (and its logits).</param>
    /// <param name="duration">How long to measure.</param>
    /// <param name="threads">libtorch threads (process-wide, restored afterwards). Defaults to 1, as ONNX Runtime serves.</param>
    public static double ImagesPerSecond(nn.Module network, Func<Tensor, Tensor> forward, TimeSpan duration, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        return ExclusiveTorch.Run(threads, () =>
        {
            network.eval();
            using var noGrad = no_grad();
            using var generator = new Generator(1);
            using var image = rand([1, 1, FaceImageFitter.Height, FaceImageFitter.Width], generator: generator);
            Time(forward, image, TimeSpan.FromMilliseconds(300));
            return Time(forward, image, duration);
        });
    }

    private static double Time(Func<Tensor, Tensor> forward, Tensor image, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration || calls == 0)
        {
            using var scope = NewDisposeScope();
            _ = forward(image).data<float>()[0];
            calls++;
        }

        return calls / watch.Elapsed.TotalSeconds;
    }
}
