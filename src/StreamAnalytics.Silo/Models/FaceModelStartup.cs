using Microsoft.Extensions.Options;
using StreamAnalytics.Grains.Faces;

namespace StreamAnalytics.Silo.Models;

/// <summary>
/// Loads the silo's first face model once the silo is running (its gallery is built from the identity grains before
/// it goes live): the file named by <see cref="FaceModelOptions.Path"/>. A model that fails to load, to pass its probe
/// or to build its gallery is logged, and frames answer 503 until one is loaded.
/// </summary>
internal sealed partial class FaceModelStartup(
    FaceModelActivator activator,
    IOptions<FaceModelOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<FaceModelStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            LogNoModel();
            return;
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, stoppingToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogFileUnreadable(e, path);
            return;
        }

        await SiloStarted(stoppingToken);
        var result = await activator.TryActivateAsync(bytes, stoppingToken);
        if (result.Swapped)
        {
            LogLoaded(result.Version!, path);
        }
    }

    // The gallery is read from identity grains, which need the silo up.
    private Task SiloStarted(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Information, "Face model {Version} loaded from {Path}.")]
    private partial void LogLoaded(string version, string path);

    [LoggerMessage(2, LogLevel.Error, "The face model file {Path} cannot be read; no face model is served.")]
    private partial void LogFileUnreadable(Exception exception, string path);

    [LoggerMessage(3, LogLevel.Information, "No face model configured (Models:Face:Path); frames and enrolments answer 503 until one is loaded.")]
    private partial void LogNoModel();
}
