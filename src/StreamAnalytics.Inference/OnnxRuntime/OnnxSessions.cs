using Microsoft.ML.OnnxRuntime;

namespace StreamAnalytics.Inference.OnnxRuntime;

/// <summary>Creates ONNX Runtime sessions tuned for low-latency serving of small models (public so benchmarks time
/// other models, such as the seed face network, under the settings serving uses).</summary>
public static class OnnxSessions
{
    /// <summary>A session over in-memory model bytes.</summary>
    /// <exception cref="OnnxRuntimeException">The bytes are not a model ONNX Runtime can run.</exception>
    public static InferenceSession Create(byte[] model)
    {
        OnnxRuntimeTelemetry.EnsureDisabled();
        using var options = new SessionOptions
        {
            // One thread per Run: concurrency comes from many callers (grains, the batcher) running at once, and a
            // per-call thread pool would only add hand-off latency and oversubscribe the silo's cores for tensors this
            // small. ORT runs the graph on the calling thread.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
        };
        // No spinning worker threads burning a core between requests.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return new InferenceSession(model, options);
    }
}
