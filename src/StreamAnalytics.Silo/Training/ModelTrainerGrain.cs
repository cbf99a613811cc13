using System.Globalization;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Silo.Training.Store;
using StreamAnalytics.Training.Evaluation;
using StreamAnalytics.Training.Faces;

namespace StreamAnalytics.Silo.Training;

/// <summary>
/// Retrains one model kind on a trainer silo (see <see cref="IModelTrainerGrain"/>). A run trains on a background thread
/// (<see cref="BackgroundWork"/>: off the grain's turn, so status calls are answered meanwhile, and below requests'
/// priority, so a silo that also serves keeps serving), scores the candidate and the active model on the
/// same held-out data, registers the candidate with both scores, and activates it only when it is better; otherwise it
/// is recorded as rejected with the reason. Faces retrain from the gallery's stored images; the rating model from
/// this silo's <see cref="RatingTrainingStore"/> (see <see cref="RatingRetraining"/> and <see cref="RatingPromotion"/>).
/// </summary>
[TrainerPlacement]
public sealed partial class ModelTrainerGrain(
    IOptions<TrainingOptions> options,
    RatingTrainingStore ratingStore,
    InteractionEventParser parser,
    ILocalSiloDetails silo,
    TimeProvider clock,
    ModelInstruments instruments,
    ILogger<ModelTrainerGrain> logger) : Grain, IModelTrainerGrain
{
    private TrainingRun? _run;
    private Task? _running;
    private long _trainedOnDirectoryVersion = -1;

    private string Kind => this.GetPrimaryKeyString();

    public Task<TrainingRun> Retrain(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (_running is { IsCompleted: false })
        {
            return Task.FromResult(_run!);
        }

        _run = new TrainingRun(Kind, "running", reason, clock.GetUtcNow(), null, null, silo.SiloAddress.ToString());
        _running = RunAsync(reason, _run);
        return Task.FromResult(_run);
    }

    public Task<TrainingRun> GetRun() =>
        Task.FromResult((_run ?? new TrainingRun(Kind, "idle", "", null, null, null, silo.SiloAddress.ToString())) with { Data = Data() });

    private TrainingDataStats? Data() => Kind == ModelKinds.Rating ? ratingStore.Stats() : null;

    private async Task RunAsync(string reason, TrainingRun started)
    {
        try
        {
            _run = Kind == ModelKinds.Face
                ? await RetrainFaceAsync(reason, started)
                : await RetrainRatingAsync(reason, started);
        }
        catch (Exception e)
        {
            LogFailed(e, Kind);
            _run = Finished(started, "failed", e.Message, null);
        }

        instruments.Run(Kind, _run.State, (_run.FinishedAt - started.StartedAt) ?? TimeSpan.Zero);
    }

    private async Task<TrainingRun> RetrainFaceAsync(string reason, TrainingRun started)
    {
        var settings = options.Value;
        var directoryVersion = (await GrainFactory.GetGrain<IIdentityDirectoryGrain>(IIdentityDirectoryGrain.Key).ChangesSince(0)).Version;
        if (reason == "schedule" && directoryVersion == _trainedOnDirectoryVersion)
        {
            return Finished(started, "skipped", "No identity changed since the last training.", null);
        }

        var data = await GalleryTrainingData.LoadAsync(GrainFactory);
        if (data.Train.Identities.Count < settings.MinFaceIdentities)
        {
            return Finished(started, "skipped",
                $"{data.Train.Identities.Count} identities have at least {GalleryTrainingData.MinFaces} faces; at least {settings.MinFaceIdentities} are needed.", null);
        }

        var registry = GrainFactory.GetGrain<IModelRegistryGrain>(ModelKinds.Face);
        var active = await registry.GetActive();
        var activeBytes = active is null ? null : await registry.Download(active.Number);
        var trainedAt = clock.GetUtcNow();
        var version = RetrainedVersion(trainedAt);
        var (onnx, candidateAccuracy, activeAccuracy) = await BackgroundWork.RunAsync(() =>
        {
            var result = FaceModelPipeline.Train(data.Train, new FaceModelPipelineOptions
            {
                Training = new FaceTrainingOptions { Epochs = settings.FaceEpochs },
                Version = version,
                TrainedAt = trainedAt,
            });
            using var candidate = new FaceModel(result.Onnx);
            double? current = null;
            if (activeBytes is not null)
            {
                using var activeModel = new FaceModel(activeBytes);
                current = FaceGate.Accuracy(activeModel, data);
            }

            return (result.Onnx, FaceGate.Accuracy(candidate, data), current);
        });
        _trainedOnDirectoryVersion = directoryVersion;

        var metrics = new Dictionary<string, double>
        {
            ["heldOutAccuracy"] = candidateAccuracy,
            ["identities"] = data.Train.Identities.Count,
            ["heldOutFaces"] = data.HeldOut.Count,
        };
        if (activeAccuracy is { } baseline)
        {
            metrics["activeHeldOutAccuracy"] = baseline;
        }

        var registered = await registry.Register(onnx, metrics, "trainer");
        var promote = activeAccuracy is not { } current || candidateAccuracy > current;
        var why = promote
            ? FormattableString.Invariant($"held-out accuracy {candidateAccuracy:P1} (active: {activeAccuracy?.ToString("P1", CultureInfo.InvariantCulture) ?? "none"})")
            : FormattableString.Invariant($"held-out accuracy {candidateAccuracy:P1} is not better than the active version's {activeAccuracy:P1}");
        return await ConcludeAsync(registry, registered, promote, why, started);
    }

    private async Task<TrainingRun> RetrainRatingAsync(string reason, TrainingRun started)
    {
        var settings = options.Value;
        var data = ratingStore.Capture();
        if (reason == "schedule" && data.NewSinceTraining < settings.MinNewRatings)
        {
            return Finished(started, "skipped", $"{data.NewSinceTraining} new ratings in the training store since the last training; {settings.MinNewRatings} are needed.", null);
        }

        if (data.Examples.Count < settings.MinRatings)
        {
            return Finished(started, "skipped", $"The training store holds {data.Examples.Count} ratings; at least {settings.MinRatings} are needed.", null);
        }

        var registry = GrainFactory.GetGrain<IModelRegistryGrain>(ModelKinds.Rating);
        var active = await registry.GetActive();
        var activeBytes = active is null ? null : await registry.Download(active.Number);
        var trainedAt = clock.GetUtcNow();
        var version = RetrainedVersion(trainedAt);
        var scale = parser.Options;
        // Counted as trained on from the start: new ratings arriving meanwhile count toward the next run.
        ratingStore.MarkTrained(data.Ingested);
        var candidate = await BackgroundWork.RunAsync(() => RatingRetraining.Train(data.Examples, activeBytes, (float)scale.RatingMin, (float)scale.RatingMax, version, trainedAt));

        var metrics = new Dictionary<string, double>
        {
            ["ratings"] = candidate.Trained,
            ["heldOut"] = candidate.HeldOut,
            ["servedNetwork"] = candidate.Served == RatingModelGate.Candidate ? 1 : 0,
        };
        AddMetric(metrics, "heldOutRmse", candidate.HeldOutRmse);
        AddMetric(metrics, "activeHeldOutRmse", candidate.ActiveHeldOutRmse);
        AddMetric(metrics, "globalMeanHeldOutRmse", candidate.GlobalMeanRmse);
        AddMetric(metrics, "biasesHeldOutRmse", candidate.BiasesRmse);
        var registered = await registry.Register(candidate.Onnx, metrics, "trainer");
        var (promote, why) = RatingPromotion.Decide(
            candidate.HeldOutRmse,
            candidate.ActiveHeldOutRmse,
            new Dictionary<string, double?> { ["globalMean"] = candidate.GlobalMeanRmse, ["biases"] = candidate.BiasesRmse });
        return await ConcludeAsync(registry, registered, promote, why, started);
    }

    // Both kinds end alike: a candidate the registry refused is reported as such, a loser of the gate is marked
    // rejected with the comparison, a winner is activated (every silo then installs it).
    private async Task<TrainingRun> ConcludeAsync(IModelRegistryGrain registry, ModelVersionInfo registered, bool promote, string why, TrainingRun started)
    {
        if (registered.Status == ModelVersionStatus.Rejected)
        {
            return Finished(started, "rejected", $"the registry rejected the candidate: {registered.Reason}", registered.Number);
        }

        if (!promote)
        {
            await registry.Reject(registered.Number, why);
            return Finished(started, "rejected", why, registered.Number);
        }

        await registry.Activate(registered.Number);
        return Finished(started, "promoted", why, registered.Number);
    }

    // Milliseconds: version strings must be unique, and a run on a small store or gallery can take about a second.
    private static string RetrainedVersion(DateTimeOffset trainedAt) =>
        "retrained-" + trainedAt.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AddMetric(Dictionary<string, double> metrics, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            metrics[name] = v;
        }
    }

    private TrainingRun Finished(TrainingRun started, string state, string reason, int? version) =>
        started with { State = state, Reason = $"{started.Reason}: {reason}", FinishedAt = clock.GetUtcNow(), Version = version };

    [LoggerMessage(1, LogLevel.Error, "Training the {Kind} model failed.")]
    private partial void LogFailed(Exception exception, string kind);
}
