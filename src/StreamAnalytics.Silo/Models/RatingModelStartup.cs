using System.Globalization;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.ModelExport.Rating;
using StreamAnalytics.Silo.Demo;
using SyntheticFeedOptions = StreamAnalytics.Synthetic.SyntheticFeedOptions;
using StreamAnalytics.Training.Rating;
using StreamAnalytics.Training.Rating.Data;

namespace StreamAnalytics.Silo.Models;

/// <summary>
/// Loads the silo's first rating model in the background, so start-up and the features never wait for it: the file
/// named by <see cref="RatingModelOptions.Path"/>, or on the embedded defaults (demo feed on, no file) a model trained
/// from the demo feed's history: the same generator, catalogue and seed, its first
/// <see cref="RatingModelOptions.BootstrapRatings"/> ratings, through the same pipeline and gate as <c>sa train rating</c>.
/// A model that fails to load or to pass its probe is logged and nothing is served until one does.
/// </summary>
internal sealed partial class RatingModelStartup(
    ModelSeeder seeder,
    IOptions<RatingModelOptions> options,
    IOptions<DemoFeedOptions> demo,
    ILogger<RatingModelStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.Path))
        {
            await seeder.SeedFileAsync(ModelKinds.Rating, settings.Path, stoppingToken);
        }
        else if (demo.Value.Enabled && settings.BootstrapRatings > 0)
        {
            await BootstrapAsync(settings.BootstrapRatings, stoppingToken);
        }
        else
        {
            LogNoModel();
        }
    }

    private async Task BootstrapAsync(int ratings, CancellationToken cancellationToken)
    {
        var feed = demo.Value;
        try
        {
            // A registry that already has an active model (a restarted silo on durable storage) needs no bootstrap.
            if (await seeder.HasActiveAsync(ModelKinds.Rating, cancellationToken))
            {
                return;
            }

            LogBootstrapping(ratings, feed.Seed);
            var (bytes, metrics) = await BackgroundWork.RunAsync(() => TrainFromDemoHistory(feed, ratings), cancellationToken);
            var registered = await seeder.SeedAsync(ModelKinds.Rating, bytes, metrics, "bootstrap", cancellationToken);
            LogBootstrapped(registered.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBootstrapFailed(e);
        }
    }

    private (byte[] Onnx, Dictionary<string, double> Metrics) TrainFromDemoHistory(DemoFeedOptions feed, int ratings)
    {
        var dataset = SyntheticRatingDataset.Create(new SyntheticFeedOptions(Users: feed.Users, Products: feed.Products, Seed: feed.Seed), ratings);
        var result = RatingModelPipeline.Run(dataset, RatingSplits.TimeOrdered(dataset.Examples), new RatingTrainingOptions { Seed = feed.Seed });
        var trainedAt = DateTimeOffset.UtcNow;
        LogTrained(result.Report.Gate.Served, result.ServedTest.R2 ?? double.NaN, result.TrainSeconds);
        var onnx = RatingOnnxExporter.Export(result.Served, "bootstrap-" + trainedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), trainedAt);
        return (onnx, new Dictionary<string, double> { ["testR2"] = result.ServedTest.R2 ?? double.NaN, ["testRmse"] = result.ServedTest.Rmse ?? double.NaN });
    }

    [LoggerMessage(3, LogLevel.Information, "Training a first rating model from the demo feed's first {Ratings} ratings (seed {Seed}).")]
    private partial void LogBootstrapping(int ratings, int seed);

    [LoggerMessage(4, LogLevel.Information, "First rating model trained: the gate serves {Served}, test R² {R2:F3}, {Seconds:F1} s of training.")]
    private partial void LogTrained(string served, double r2, double seconds);

    [LoggerMessage(5, LogLevel.Information, "Rating model {Version} is serving (trained from the demo feed's history).")]
    private partial void LogBootstrapped(string version);

    [LoggerMessage(6, LogLevel.Error, "Training the first rating model failed; no rating model is served.")]
    private partial void LogBootstrapFailed(Exception exception);

    [LoggerMessage(7, LogLevel.Information, "No rating model configured (Models:Rating:Path); predictions answer 503 until one is loaded.")]
    private partial void LogNoModel();
}
