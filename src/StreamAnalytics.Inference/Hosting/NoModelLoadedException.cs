namespace StreamAnalytics.Inference.Hosting;

/// <summary>
/// Thrown when a call needs a model and the host has none yet (before the first successful swap). Serving answers it
/// as "no model" (HTTP 503), not as a server fault.
/// </summary>
public sealed class NoModelLoadedException : InvalidOperationException
{
    /// <summary>An exception naming the host (the model kind) that has no model.</summary>
    public NoModelLoadedException(string hostName)
        : base($"No {hostName} model is loaded yet.")
    {
        HostName = hostName;
    }

    /// <summary>The name of the host that has no model.</summary>
    public string HostName { get; }
}
