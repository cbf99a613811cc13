using System.Globalization;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.Silo.Demo;
using StreamAnalytics.Training.Faces;
using StreamAnalytics.Training.Faces.Data;

namespace StreamAnalytics.Silo.Models;

/// <summary>
/// Loads the silo's first face model once the silo is running (its gallery is built from the identity grains before
/// it goes live): the file named by <see cref="FaceModelOptions.Path"/>, or on the embedded defaults (demo feed on, no
/// file) a model trained in the silo on the face dataset's first <see cref="FaceModelOptions.BootstrapIdentities"/>
/// identities, through the same pipeline as <c>sa train faces</c> (threshold calibrated on held-out identities). A
/// model that fails to load, to pass its probe or to build its gallery is logged, and frames answer 503 until one is
/// loaded.
/// </summary>
internal sealed partial class FaceModelStartup(
    ModelSeeder seeder,
    IOptions<FaceModelOptions> options,
    IOptions<DemoFeedOptions> demo,
    ModelHost<RatingModel> ratings,
    ILogger<FaceModelStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (demo.Value.Enabled && FaceDatasetLocator.Find(options.Value) is { } dataset)
            {
                await BootstrapAsync(dataset, stoppingToken);
            }
            else
            {
                LogNoModel();
            }

            return;
        }

        await seeder.SeedFileAsync(ModelKinds.Face, path, stoppingToken);
    }

    private async Task BootstrapAsync(string folder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            // libtorch trains one model at a time per process: let the rating model's few seconds of bootstrap go first,
            // so the demo predicts ratings at once rather than after the face model's minute.
            if (await seeder.HasActiveAsync(ModelKinds.Face, cancellationToken))
            {
                return;
            }

            for (var waited = 0; !ratings.HasModel && waited < 60; waited++)
            {
                await Task.Delay(500, cancellationToken);
            }

            LogBootstrapping(settings.BootstrapIdentities, folder, settings.BootstrapEpochs);
            var result = await BackgroundWork.RunAsync(
                () =>
                {
                    var dataset = FaceFolderReader.Read(folder);
                    var trainedAt = DateTimeOffset.UtcNow;
                    return FaceModelPipeline.Train(dataset, new FaceModelPipelineOptions
                    {
                        Identities = Math.Min(settings.BootstrapIdentities, dataset.Identities.Count),
                        Training = new FaceTrainingOptions { Epochs = settings.BootstrapEpochs },
                        Version = "bootstrap-" + trainedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
                        TrainedAt = trainedAt,
                    }, cancellationToken);
                },
                cancellationToken);
            LogTrained(result.Identities.Count, result.Threshold, result.TrainSeconds);
            var metrics = new Dictionary<string, double> { ["threshold"] = result.Threshold };
            if (result.ValidationGenuineAccepted is { } genuine && result.ValidationImpostorRejected is { } impostor)
            {
                metrics["validationGenuineAccepted"] = genuine;
                metrics["validationImpostorRejected"] = impostor;
            }

            var registered = await seeder.SeedAsync(ModelKinds.Face, result.Onnx, metrics, "bootstrap", cancellationToken);
            LogBootstrapped(registered.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBootstrapFailed(e);
        }
    }

    [LoggerMessage(4, LogLevel.Information, "Training a first face model on the first {Identities} identities of {Folder} ({Epochs} epochs).")]
    private partial void LogBootstrapping(int identities, string folder, int epochs);

    [LoggerMessage(5, LogLevel.Information, "First face model trained on {Identities} identities: threshold {Threshold:F3}, {Seconds:F1} s of training.")]
    private partial void LogTrained(int identities, float threshold, double seconds);

    [LoggerMessage(6, LogLevel.Information, "Face model {Version} is serving (trained from the demo's face dataset).")]
    private partial void LogBootstrapped(string version);

    [LoggerMessage(7, LogLevel.Error, "Training the first face model failed; no face model is served.")]
    private partial void LogBootstrapFailed(Exception exception);

    [LoggerMessage(3, LogLevel.Information, "No face model configured (Models:Face:Path, or --demo with a face dataset); frames and enrolments answer 503 until one is loaded.")]
    private partial void LogNoModel();
}
