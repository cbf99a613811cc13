namespace StreamAnalytics.Abstractions;

/// <summary>Kafka topic names used by StreamAnalytics.</summary>
public static class TopicNames
{
    /// <summary>Interaction events (UTF-8 JSON, keyed by user id).</summary>
    public const string Interactions = "interactions";

    /// <summary>Interaction records that failed validation, with the reason in their headers.</summary>
    public const string InteractionsDeadLetter = "interactions.dlq";
}
