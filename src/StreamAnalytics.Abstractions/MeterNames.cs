namespace StreamAnalytics.Abstractions;

/// <summary>The meter every StreamAnalytics instrument belongs to, and the instrument names.</summary>
public static class MeterNames
{
    /// <summary>The meter name to export (OpenTelemetry <c>AddMeter</c>).</summary>
    public const string Meter = "StreamAnalytics";

    /// <summary>Counter: interaction events applied to a user's or product's features (tag <c>entity</c>: user or product).</summary>
    public const string EventsApplied = "sa.features.events_applied";

    /// <summary>Counter: redelivered events recognised by their offsets and skipped.</summary>
    public const string EventsSkipped = "sa.features.events_skipped";

    /// <summary>Histogram, seconds: from an event's timestamp to its features being stored (event-time lag).</summary>
    public const string EventLag = "sa.features.event_lag";

    /// <summary>
    /// Histogram, seconds: one delivered batch of Kafka records processed by a grain (features applied and stored),
    /// named and tagged by OpenTelemetry's messaging conventions (<c>messaging.system</c>, destination, partition).
    /// </summary>
    public const string ProcessDuration = "messaging.process.duration";

    /// <summary>Counter: predictions served (tags <c>model.kind</c>, <c>model.version</c>).</summary>
    public const string Predictions = "sa.predictions";

    /// <summary>Histogram, seconds: one model call (tags <c>model.kind</c>, <c>batch</c> bucketed: 1, 2-8, 9-32, 33+).</summary>
    public const string InferenceDuration = "sa.inference.duration";

    /// <summary>Histogram, items: the size of each batch the inference batcher ran (tag <c>model.kind</c>).</summary>
    public const string InferenceBatchSize = "sa.inference.batch_size";

    /// <summary>Histogram, seconds: how long each item waited in the inference batcher's queue for its batch (tag
    /// <c>model.kind</c>).</summary>
    public const string InferenceQueueDelay = "sa.inference.queue_delay";

    /// <summary>Counter: items the inference batcher refused because its queue was full (tag <c>model.kind</c>); served
    /// as HTTP 429.</summary>
    public const string InferenceRejections = "sa.inference.rejections";

    /// <summary>Gauge: 1 for the model version active on this silo (tags <c>model.kind</c>, <c>model.version</c>).</summary>
    public const string ActiveModelVersion = "sa.model.active_version";

    /// <summary>
    /// Histogram, rating points: the absolute error of each rating predicted before it was learnt (prequential), tag
    /// <c>predictor</c>: <c>frozen</c> (the model as trained) or <c>online</c> (plus the online biases).
    /// </summary>
    public const string RatingOnlineError = "sa.rating.online_error";

    /// <summary>
    /// Counter: camera frames by outcome (tag <c>result</c>: identified, unknown, rejected, overloaded, no_model) and
    /// where they came from (tag <c>source</c>: http or kafka).
    /// </summary>
    public const string Frames = "sa.frames";

    /// <summary>Histogram, seconds: one frame from its arrival at the camera grain to its identification (decode, queue,
    /// model, gallery search); tag <c>source</c>.</summary>
    public const string FrameDuration = "sa.frame.duration";

    /// <summary>Gauge: identities in this silo's gallery of the active face model.</summary>
    public const string GalleryIdentities = "sa.gallery.identities";

    /// <summary>Counter: enrolment images by outcome (tag <c>result</c>: enrolled, rejected, limit_reached, no_model).</summary>
    public const string Enrolments = "sa.enrolments";

    /// <summary>Counter: model installs on this silo by the registry watcher (tags <c>model.kind</c>, <c>result</c>:
    /// swapped or failed).</summary>
    public const string ModelSwaps = "sa.model.swaps";

    /// <summary>Counter: training runs (tags <c>model.kind</c>, <c>result</c>: promoted, rejected, skipped, failed).</summary>
    public const string TrainingRuns = "sa.training.runs";

    /// <summary>Histogram, seconds: one training run that trained (promoted or rejected); tag <c>model.kind</c>.</summary>
    public const string TrainingDuration = "sa.training.duration";
}
