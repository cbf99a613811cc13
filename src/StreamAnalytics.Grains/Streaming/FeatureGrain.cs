using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Interactions;
using StreamAnalytics.Grains.Features;
using StreamAnalytics.Streaming.Kafka;

namespace StreamAnalytics.Grains.Streaming;

/// <summary>
/// Keeps one entity's features from its interaction stream (the stream keyed like the grain in
/// <see cref="StreamNamespace"/>), effectively once: events at or below their partition's watermark are skipped, and a
/// delivered batch is acknowledged only after the features and watermarks are stored together.
/// </summary>
public abstract partial class FeatureGrain<TFeatures, TView>(IPersistentState<FeatureState<TFeatures>> state, FeatureInstruments instruments) : Grain
    where TFeatures : IInteractionFeatures<TView>, new()
    where TView : class
{
    /// <summary>The stream namespace this grain subscribes to implicitly; also the <c>entity</c> tag of its instruments.</summary>
    protected abstract string StreamNamespace { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.KafkaProvider)
            .GetStream<InteractionEvent>(StreamId.Create(StreamNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(OnEventsAsync);
    }

    /// <summary>The features, or null when nothing was applied (the API answers 404).</summary>
    public Task<TView?> GetFeatures() => Task.FromResult(CurrentView());

    /// <summary>The state as it is in memory (written after each applied batch).</summary>
    protected FeatureState<TFeatures> State => state.State;

    /// <summary>A snapshot of the features; null when nothing was applied.</summary>
    protected TView? CurrentView() => state.State.Features.EventsApplied == 0 ? null : state.State.Features.Snapshot();

    /// <summary>
    /// Whether <see cref="AfterAppliedAsync"/> needs each new rating with the features as they were just before it (a
    /// prequential prediction must not see the rating it predicts). Snapshots cost a view each, so only when asked.
    /// </summary>
    protected virtual bool CapturesRatings => false;

    /// <summary>
    /// Called after a batch's new events were applied and before the state is written, so whatever it changes in
    /// <see cref="State"/> is stored with them. <paramref name="ratings"/> holds the batch's new ratings with the
    /// features before each (empty unless <see cref="CapturesRatings"/>). An exception is logged and the batch is
    /// stored anyway: the features must not stall on the rating model.
    /// </summary>
    protected virtual Task AfterAppliedAsync(IReadOnlyList<InteractionEvent> applied, IReadOnlyList<(InteractionEvent Rating, TView? Before)> ratings) =>
        Task.CompletedTask;

    // One state write per delivered batch rather than per event.
    private async Task OnEventsAsync(IList<SequentialItem<InteractionEvent>> items)
    {
        var started = Stopwatch.GetTimestamp();
        var lagged = instruments.EventLag.Enabled ? new List<DateTimeOffset>(items.Count) : null;
        var newEvents = new List<InteractionEvent>(items.Count);
        List<(InteractionEvent Rating, TView? Before)>? ratings = null;
        var captureRatings = CapturesRatings;
        foreach (var item in items)
        {
            if (state.State.Watermarks.TryAdvance((KafkaStreamSequenceToken)item.Token))
            {
                if (captureRatings && item.Item is { Type: InteractionType.Rating or InteractionType.Review, Rating: not null })
                {
                    (ratings ??= []).Add((item.Item, CurrentView()));
                }

                state.State.Features.Apply(item.Item);
                lagged?.Add(item.Item.Timestamp);
                newEvents.Add(item.Item);
            }
        }

        var applied = newEvents.Count;

        var entity = new KeyValuePair<string, object?>("entity", StreamNamespace);
        if (applied < items.Count)
        {
            instruments.EventsSkipped.Add(items.Count - applied, entity);
        }

        if (applied == 0)
        {
            return;
        }

        try
        {
            await AfterAppliedAsync(newEvents, (IReadOnlyList<(InteractionEvent Rating, TView? Before)>?)ratings ?? []);
        }
        catch (Exception e)
        {
            LogAfterAppliedFailed(Logger, e, StreamNamespace, applied);
        }

        await state.WriteStateAsync();
        instruments.EventsApplied.Add(applied, entity);
        if (instruments.ProcessDuration.Enabled && items[0].Token is KafkaStreamSequenceToken first)
        {
            // One container holds records of one partition.
            instruments.ProcessDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(KafkaMeterNames.SystemTag, "kafka"),
                new KeyValuePair<string, object?>(KafkaMeterNames.DestinationTag, first.Topic),
                new KeyValuePair<string, object?>(KafkaMeterNames.PartitionTag, first.Partition.ToString(CultureInfo.InvariantCulture)),
                entity);
        }
        if (lagged is not null)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var timestamp in lagged)
            {
                instruments.EventLag.Record((now - timestamp).TotalSeconds, entity);
            }
        }
    }

    private ILogger Logger => field ??= ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    [LoggerMessage(1, LogLevel.Warning, "A {Entity} grain's rating work failed for a batch of {Count} events; the features are stored without it.")]
    private static partial void LogAfterAppliedFailed(ILogger logger, Exception exception, string entity, int count);
}
