using StreamAnalytics.Grains.Ratings;

namespace StreamAnalytics.Grains.Streaming;

/// <summary>
/// What a feature grain persists, written together: its features, the watermarks that make redelivery harmless, and
/// what it keeps for the rating model (online bias, latest predictions), so a redelivered rating is never learnt twice.
/// </summary>
[GenerateSerializer]
public sealed class FeatureState<TFeatures>
    where TFeatures : new()
{
    [Id(0)]
    public TFeatures Features { get; set; } = new();

    [Id(1)]
    public PartitionWatermarks Watermarks { get; set; } = new();

    [Id(2)]
    public RatingState Rating { get; set; } = new();
}
