using System.Diagnostics;
using Orleans.Concurrency;
using Orleans.Streams;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Cameras;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Faces;
using StreamAnalytics.Grains.Placement;
using StreamAnalytics.Imaging;
using StreamAnalytics.Inference.Batching;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Cameras;

/// <summary>
/// One camera: identifies the face in each frame, from the HTTP API or the <c>camera</c>/{cameraId} stream, through the
/// silo's shared <see cref="FrameIdentifier"/>; publishes each identification; keeps statistics in memory.
/// </summary>
/// <remarks>
/// Reentrant: while one frame waits for its batch, the next one is decoded and queued, so a single busy camera fills
/// batches too. The statistics are only touched between awaits, one turn at a time, so they need no lock. Frames from
/// Kafka are never refused for overload: they wait (the stream is pulled, so waiting is back-pressure); a Kafka frame
/// that cannot be identified (bad image, no model) goes to <c>frames.dlq</c> with the reason.
/// </remarks>
[Reentrant]
[ImplicitStreamSubscription(StreamNames.CameraNamespace)]
[WorkerPlacementFilter]
public sealed class CameraGrain(FrameIdentifier identifier, ICameraResultSink sink, FaceInstruments instruments, TimeProvider clock) : Grain, ICameraGrain
{
    /// <summary>How long a Kafka frame waits between attempts when the inference queue is full: 5 ms.</summary>
    internal static readonly TimeSpan OverloadRetryDelay = TimeSpan.FromMilliseconds(5);

    private readonly CameraStats _stats = new();

    private string CameraId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.KafkaProvider).GetStream<CameraFrame>(StreamId.Create(StreamNames.CameraNamespace, CameraId));
        await stream.SubscribeAsync(OnFramesAsync);
    }

    public Task<FrameOutcome> Identify(byte[] image, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(image);
        return ProcessAsync(image, at, FrameSource.Http);
    }

    public Task<CameraStatsView> GetStats() => Task.FromResult(_stats.Snapshot(clock.GetUtcNow()));

    // A delivered batch's frames are queued together, so they can share one model call.
    private async Task OnFramesAsync(IList<SequentialItem<CameraFrame>> items)
    {
        var outcomes = await Task.WhenAll(items.Select(item => ProcessAsync(item.Item.Image, item.Item.Timestamp, FrameSource.Kafka)));
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Reason is { } reason)
            {
                sink.DeadLetter(items[i].Item, reason);
            }
        }
    }

    private async Task<FrameOutcome> ProcessAsync(byte[] image, DateTimeOffset at, FrameSource source)
    {
        var started = Stopwatch.GetTimestamp();
        _stats.FrameReceived(clock.GetUtcNow());
        var outcome = await IdentifyAsync(image, at, source);
        instruments.Frame(outcome.Status, source, Stopwatch.GetElapsedTime(started), outcome.Identification?.ModelVersion);
        switch (outcome)
        {
            case { Status: FrameStatus.Identified, Identification: { Identity: { } identity } found }:
                _stats.Identified(identity, found.Score, found.At);
                sink.Publish(found);
                break;
            case { Status: FrameStatus.Unknown, Identification: { } unknown }:
                _stats.Unknown();
                sink.Publish(unknown);
                break;
            default:
                _stats.Rejected();
                break;
        }

        return outcome;
    }

    private async Task<FrameOutcome> IdentifyAsync(byte[] image, DateTimeOffset at, FrameSource source)
    {
        float[] pixels;
        try
        {
            pixels = FaceImageFitter.DecodeAndFit(image);
        }
        catch (InvalidImageException e)
        {
            return new FrameOutcome(FrameStatus.Rejected, null, e.Message);
        }

        while (true)
        {
            try
            {
                var (result, version) = await identifier.IdentifyAsync(pixels);
                var identification = new CameraIdentification(CameraId, at, result.Identity, result.Unknown, result.Score, result.Candidates, version);
                return new FrameOutcome(result.Unknown ? FrameStatus.Unknown : FrameStatus.Identified, identification, null);
            }
            catch (BatcherOverloadedException) when (source == FrameSource.Kafka)
            {
                await Task.Delay(OverloadRetryDelay, clock);
            }
            catch (BatcherOverloadedException)
            {
                return new FrameOutcome(FrameStatus.Overloaded, null, "The silo's inference queue is full; retry later.");
            }
            catch (NoModelLoadedException)
            {
                return new FrameOutcome(FrameStatus.NoModel, null, "No face model is loaded yet.");
            }
        }
    }
}
