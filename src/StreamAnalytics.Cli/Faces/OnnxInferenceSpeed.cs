using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using StreamAnalytics.ModelExport.Faces;

namespace StreamAnalytics.Cli.Faces;

/// <summary>
/// How many images per second ONNX Runtime runs a face model at batch 1, in a session with serving's settings
/// (<c>OnnxSessions</c>: one intra-op thread), on one image over and over (the values do not change the work).
/// </summary>
internal static class OnnxInferenceSpeed
{
    /// <summary>Runs <paramref name="session"/> for <paramref name="duration"/> after a short warm-up; calls per second.</summary>
    public static double ImagesPerSecond(InferenceSession session, TimeSpan duration)
    {
        var pixels = new float[FaceOnnxContract.InputHeight * FaceOnnxContract.InputWidth];
        var random = new Random(1);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }

        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, 1, FaceOnnxContract.InputHeight, FaceOnnxContract.InputWidth]);
        using var runOptions = new RunOptions();
        string[] inputNames = [FaceOnnxContract.ImageInput];
        string[] outputNames = [.. session.OutputNames];
        Time(session, runOptions, inputNames, input, outputNames, TimeSpan.FromMilliseconds(300));
        return Time(session, runOptions, inputNames, input, outputNames, duration);
    }

    private static double Time(InferenceSession session, RunOptions runOptions, string[] inputNames, OrtValue input, string[] outputNames, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration || calls == 0)
        {
            using var outputs = session.Run(runOptions, inputNames, [input], outputNames);
            calls++;
        }

        return calls / watch.Elapsed.TotalSeconds;
    }
}
