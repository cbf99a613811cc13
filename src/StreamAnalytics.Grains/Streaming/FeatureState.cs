namespace StreamAnalytics.Grains.Streaming;

/// <summary>What a feature grain persists: its features and the watermarks that make redelivery harmless, written together.</summary>
[GenerateSerializer]
public sealed class FeatureState<TFeatures>
    where TFeatures : new()
{
    [Id(0)]
    public TFeatures Features { get; set; } = new();

    [Id(1)]
    public PartitionWatermarks Watermarks { get; set; } = new();
}
