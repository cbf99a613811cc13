using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.OnnxRuntime;
using StreamAnalytics.ModelExport.Faces.Seed;

namespace StreamAnalytics.Cli.Bench;

/// <summary>
/// The extension point for the seed-size network at batch 1: the seed's architecture
/// (<see cref="SeedFaceLayout.SeedSize"/>, 52.5M parameters, about 210 MB) with seeded random weights
/// (<see cref="SeedFaceOnnxExporter.RandomModel"/>), run by raw ONNX Runtime in a session with serving's settings
/// (<see cref="OnnxSessions"/>: one intra-op thread), one image per call, for comparison with the production network's
/// unbatched line. It is not a served model (no embedding output, no face contract), so no grain path exists for it.
/// </summary>
internal static class SeedSizeBatchOne
{
    private const int WarmupCalls = 3;

    /// <summary>Images per second and per-call latency at batch 1 over about <paramref name="duration"/>.</summary>
    /// <param name="fitted">Fitted images, cycled through (the values do not change the work).</param>
    /// <param name="classes">The classifier's classes (ORL's 40).</param>
    /// <param name="duration">How long to time; at least 10 calls run.</param>
    public static FaceBenchMeasurement Measure(float[][] fitted, int classes, TimeSpan duration)
    {
        using var session = OnnxSessions.Create(SeedFaceOnnxExporter.RandomModel(SeedFaceLayout.SeedSize(classes), seed: 1));
        using var runOptions = new RunOptions();
        string[] inputNames = [SeedFaceOnnxExporter.ImageInput];
        string[] outputNames = [SeedFaceOnnxExporter.LogitsOutput];
        var inputs = fitted.Select(f => OrtValue.CreateTensorValueFromMemory(f, [1, 1, FaceModel.ImageHeight, FaceModel.ImageWidth])).ToArray();
        try
        {
            void Run(int i)
            {
                using var outputs = session.Run(runOptions, inputNames, [inputs[i % inputs.Length]], outputNames);
            }

            for (var i = 0; i < WarmupCalls; i++)
            {
                Run(i);
            }

            var ticks = new List<long>();
            var cpu = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            while (ticks.Count < 10 || Stopwatch.GetElapsedTime(started) < duration)
            {
                var callStarted = Stopwatch.GetTimestamp();
                Run(ticks.Count);
                ticks.Add(Stopwatch.GetTimestamp() - callStarted);
            }

            var latencies = CallLatencies.From([.. ticks], Stopwatch.GetElapsedTime(started));
            return FaceBenchMeasurement.From(latencies, 1, ticks.Count, 1, Environment.CpuUsage.TotalTime - cpu);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }
}
