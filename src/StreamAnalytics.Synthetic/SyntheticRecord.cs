namespace StreamAnalytics.Synthetic;

/// <summary>One record of the synthetic feed: the Kafka key (user id) and the JSON value.</summary>
/// <param name="Key">The user id; interactions are keyed by user.</param>
/// <param name="Json">The UTF-8 JSON value.</param>
/// <param name="Malformation">For a deliberately invalid record, the reason a validator must give; null for a valid one.</param>
public sealed record SyntheticRecord(string Key, byte[] Json, string? Malformation);
