namespace StreamAnalytics.Abstractions;

/// <summary>Kafka topic names used by StreamAnalytics.</summary>
public static class TopicNames
{
    /// <summary>Interaction events (UTF-8 JSON, keyed by user id).</summary>
    public const string Interactions = "interactions";

    /// <summary>Interaction records that failed validation, with the reason in their headers.</summary>
    public const string InteractionsDeadLetter = "interactions.dlq";

    /// <summary>Camera frames: key = camera id, value = the image bytes (PGM, PNG, JPEG, BMP or GIF).</summary>
    public const string Frames = "frames";

    /// <summary>Frame records that could not be delivered (no camera id, empty or too large), with the reason.</summary>
    public const string FramesDeadLetter = "frames.dlq";

    /// <summary>Identification results of camera frames (UTF-8 JSON, keyed by camera id).</summary>
    public const string Identifications = "identifications";
}
